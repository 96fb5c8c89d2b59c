using MqttKube.Configuration.Yaml;
using MqttKube.Mqtt;

namespace MqttKube.Configuration;

internal static partial class ConfigChecks
{
    /// <summary>
    /// Placeholders in a binding's topic: only <c>{name}</c> and <c>{namespace}</c>; a binding of many objects needs
    /// them so each object gets a topic of its own (<c>{name}</c>, and <c>{namespace}</c> too across namespaces).
    /// </summary>
    private static void CheckPlaceholders(BindingConfig binding, string topic, YamlMapping? node, ConfigBindContext context, string path)
    {
        if (node?.Get("topic") is not YamlScalar scalar)
        {
            return;
        }

        if (MqttTopic.PlaceholderProblem(topic) is { } problem)
        {
            context.Error(ConfigColumns.At(scalar, problem.Column), $"'{path}': {problem.Message}");
            return;
        }

        if (!binding.BindsMany)
        {
            return;
        }

        if (!MqttTopic.Holds(topic, MqttTopic.NamePlaceholder))
        {
            context.Error(scalar, $"'{path}' must hold {{name}}: the binding binds many objects and each needs a topic of its own: '{YamlScalar.Shorten(topic)}'");
        }
        else if (binding.InAllNamespaces && !MqttTopic.Holds(topic, MqttTopic.NamespacePlaceholder))
        {
            context.Error(scalar, $"'{path}' must hold {{namespace}} too: with namespace \"*\" two objects of one name in two namespaces would share it: '{YamlScalar.Shorten(topic)}'");
        }
    }

    /// <summary>
    /// Two watches that would publish to one concrete topic through placeholders, as far as the config shows it: the
    /// same topic after the placeholders a named binding fixes are filled in, or the same topic in two bindings that
    /// bind the same objects. (Two plain topics that are equal stay a warning at run time, as before placeholders.)
    /// </summary>
    private static void CheckClaims(MqttKubeConfig config, ConfigBindContext context)
    {
        var claimed = new Dictionary<string, (string Path, bool Placeholders)>(StringComparer.Ordinal);
        for (var i = 0; i < config.Bindings.Length; i++)
        {
            var binding = config.Bindings[i];
            for (var j = 0; j < binding.Watch.Length; j++)
            {
                var watch = binding.Watch[j];
                if (watch.Node?.Get("topic") is not YamlScalar scalar || MqttTopic.PlaceholderProblem(watch.Topic) is not null)
                {
                    continue;
                }

                var path = $"bindings[{i}].watch[{j}].topic";
                var placeholders = MqttTopic.HasPlaceholders(watch.Topic);
                var claim = StaticClaim(binding, watch.Topic);
                if (!claimed.TryGetValue(claim, out var first))
                {
                    claimed[claim] = (path, placeholders);
                }
                else if (placeholders || first.Placeholders)
                {
                    context.Error(scalar, $"'{path}' publishes to the same topic as '{first.Path}' once its placeholders are filled in ('{YamlScalar.Shorten(watch.Topic)}'): one topic, one state");
                }
            }
        }
    }

    /// <summary>
    /// What a watch topic claims: for a named object the topic with its name (and namespace, when given) filled in;
    /// for many objects the topic with what chooses them (two such bindings clash only when they choose alike).
    /// </summary>
    private static string StaticClaim(BindingConfig binding, string topic)
    {
        if (!binding.BindsMany)
        {
            var named = topic.Replace(MqttTopic.NamePlaceholder, binding.Name, StringComparison.Ordinal);
            named = binding.Namespace is { } ns ? named.Replace(MqttTopic.NamespacePlaceholder, ns, StringComparison.Ordinal) : named;
            return MqttTopic.HasPlaceholders(named) ? $"{named}\u0000{binding.Resource.ToLowerInvariant()}" : named;
        }

        return $"{topic}\u0000{binding.Resource.ToLowerInvariant()}\u0000{binding.Namespace}\u0000{binding.Name}\u0000{binding.Selector}";
    }
}
