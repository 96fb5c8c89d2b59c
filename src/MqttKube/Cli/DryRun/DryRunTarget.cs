using MqttKube.Bindings.Plan;
using MqttKube.Mqtt;
using MqttKube.Rbac;

namespace MqttKube.Cli.DryRun;

/// <summary>
/// A binding's kind and namespace as the service would resolve them, without a cluster: the built-in table of
/// common kinds (as <c>rbac</c> uses), else the binding's own words. A namespaced kind without a namespace gets
/// <c>default</c> (the service takes the kubeconfig's namespace, which is usually that).
/// </summary>
internal sealed record DryRunTarget(string Kind, string? Namespace, string Name)
{
    /// <summary>A note when the object is not one the binding would bind (its name does not fit the glob).</summary>
    public string? Unbound { get; init; }

    /// <summary>
    /// The object a message on <paramref name="topic"/> reaches through <paramref name="template"/>: this one, or the
    /// one its <c>{name}</c>/<c>{namespace}</c> levels name; null when the topic does not fit the template.
    /// </summary>
    public DryRunTarget? Reached(PlannedBinding binding, string template, string topic)
    {
        if (!MqttTopic.HasPlaceholders(template))
        {
            return MqttTopic.Matches(template, topic) ? this : null;
        }

        if (!MqttTopic.TryBind(template, topic, out var ns, out var name))
        {
            return null;
        }

        var named = this with { Namespace = Namespace is null ? null : ns ?? Namespace, Name = name ?? Name };
        if (!binding.BindsMany)
        {
            return named.Name == Name && named.Namespace == Namespace ? this : named with { Unbound = $"  note: the binding binds only {Describe()}: the service would drop this message" };
        }

        return binding.NameMatches(named.Name) ? named : named with { Unbound = $"  note: {named.Name} does not match the name glob {binding.Config.Name}: the service would drop this message" };
    }

    public static DryRunTarget Of(PlannedBinding binding)
    {
        var config = binding.Config;
        var resource = RbacResourceResolver.Resolve(config.Resource, config.ApiVersion, out _);
        var ns = resource?.Namespaced switch
        {
            true => config.Namespace ?? "default",
            false => null,
            null => config.Namespace,
        };
        return new DryRunTarget(resource?.Kind ?? config.Resource, ns, config.Name);
    }

    /// <summary><c>Deployment media/jellyfin</c>, or <c>Node n1</c>.</summary>
    public string Describe(string? name = null) => Namespace is null ? $"{Kind} {name ?? Name}" : $"{Kind} {Namespace}/{name ?? Name}";
}
