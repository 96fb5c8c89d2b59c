using MqttKube.Bindings.Plan;
using MqttKube.Rbac;

namespace MqttKube.Cli.DryRun;

/// <summary>
/// A binding's kind and namespace as the service would resolve them, without a cluster: the built-in table of
/// common kinds (as <c>rbac</c> uses), else the binding's own words. A namespaced kind without a namespace gets
/// <c>default</c> (the service takes the kubeconfig's namespace, which is usually that).
/// </summary>
internal sealed record DryRunTarget(string Kind, string? Namespace, string Name)
{
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
