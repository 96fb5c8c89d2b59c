using MqttKube.Bindings.Plan;
using MqttKube.Mqtt;

namespace MqttKube.Cli;

/// <summary>
/// The plan <c>check</c> prints: each binding (what it binds: one object, or what a selector, a name glob and
/// <c>namespace: "*"</c> choose) and each association with its topic, placeholders as written and the filter an
/// inbound topic is subscribed with.
/// </summary>
internal static class CheckPlan
{
    public static IEnumerable<string> Lines(BindingPlan plan)
    {
        foreach (var binding in plan.Bindings)
        {
            var config = binding.Config;
            var what = !binding.BindsMany ? "one object"
                : string.Join(", ", new[]
                {
                    config.Selector is { } s ? $"selector {s}" : null,
                    binding.Names is { } g ? $"names {g}" : null,
                    config.InAllNamespaces ? "every namespace" : null,
                }.Where(p => p is not null)) + ": every object that matches, bound and unbound as it comes and goes";
            yield return $"  {binding.Path}: {binding.Target}: {what}";
            foreach (var watch in binding.Watches)
            {
                yield return $"    watch {watch.Config.Locus} -> {watch.Config.Topic}{(watch.Config.Retain ? " (retained)" : string.Empty)}";
            }

            foreach (var patch in binding.Patches)
            {
                yield return $"    patch {Inbound(patch.Config.Topic)} -> {patch.Config.Locus}";
            }

            foreach (var action in binding.Actions)
            {
                yield return $"    action {Inbound(action.Config.Topic)}";
            }
        }
    }

    private static string Inbound(string topic) =>
        MqttTopic.HasPlaceholders(topic) ? $"{topic} (subscribes {MqttTopic.SubscriptionFilter(topic)})" : topic;
}
