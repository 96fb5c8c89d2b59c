using System.Collections.Immutable;
using MqttKube.Configuration.Schema;
using MqttKube.Configuration.Yaml;

namespace MqttKube.Configuration;

[ConfigObject("A binding: one Kubernetes object, or every object a selector or a name glob matches, and the MQTT associations attached to each.")]
internal sealed partial record BindingConfig : IConfigValidation
{
    /// <summary>The <c>namespace</c> that means every namespace.</summary>
    public const string AllNamespaces = "*";

    [ConfigKey("Namespace of the object (omit for cluster-scoped kinds); \"*\" for every namespace.")]
    public string? Namespace { get; init; }

    [ConfigKey("The kind: a kind, plural or short name known to the API server (Deployment, deployments, deploy), any case.", Required = true)]
    public string Resource { get; init; } = string.Empty;

    [ConfigKey("API group/version, e.g. apps/v1; needed only to disambiguate or for custom resources.")]
    public string? ApiVersion { get; init; }

    [ConfigKey("The object's name, or a glob of names (media-*, ?, [a-z]); give name, selector or both.")]
    public string Name { get; init; } = string.Empty;

    [ConfigKey("A label selector in kubectl syntax (a=b, a!=b, a in (x,y), a notin (x), a, !a; comma-joined): the binding binds every object that matches.")]
    public string? Selector { get; init; }

    [ConfigKey("Expands into ready-made associations with Home Assistant entities: appliance, daemon, cronjob, job or node.")]
    public Preset Preset { get; init; } = Preset.None;

    [ConfigKey("Kubernetes → MQTT: publish the value at a locus whenever it changes.", OneOrMany = true)]
    public ImmutableArray<WatchConfig> Watch { get; init; } = [];

    [ConfigKey("MQTT → Kubernetes: write a mapped payload at a locus.", OneOrMany = true)]
    public ImmutableArray<PatchConfig> Patch { get; init; } = [];

    [ConfigKey("MQTT → Kubernetes: launch, delete or restart on a mapped payload.", OneOrMany = true)]
    public ImmutableArray<ActionConfig> Action { get; init; } = [];

    [ConfigNode]
    public YamlMapping? Node { get; init; }

    /// <summary>Every namespace (<c>namespace: "*"</c>).</summary>
    public bool InAllNamespaces => Namespace == AllNamespaces;

    /// <summary>Binds the objects a selector, a name glob or <c>namespace: "*"</c> finds, as they come and go (SPEC 12), not one named object.</summary>
    public bool BindsMany => Selector is not null || InAllNamespaces || Bindings.NameGlob.IsGlob(Name);

    void IConfigValidation.Validate(YamlMapping node, ConfigBindContext context, string path)
    {
        if (node.Get("watch") is null && node.Get("patch") is null && node.Get("action") is null && node.Get("preset") is null)
        {
            context.Error(node, $"'{path}' has no watch, patch, action or preset; it would do nothing");
        }

        if (node.Get("name") is null && node.Get("selector") is null)
        {
            context.Error(node, $"'{path}' needs 'name' (an object's name or a glob such as media-*) or 'selector' (a label selector), or both");
        }

        ValidateSelection(node, context, path);

        if (Namespace is not null && !InAllNamespaces && !KubernetesNames.IsValidLabel(Namespace))
        {
            context.Error(node.Get("namespace") ?? node, $"'{path}.namespace' is not a valid Kubernetes namespace name: '{YamlScalar.Shorten(Namespace)}'");
        }

        if (ApiVersion is not null && !KubernetesNames.IsValidApiVersion(ApiVersion))
        {
            context.Error(node.Get("api-version") ?? node, $"'{path}.api-version' must look like 'v1' or 'group/version' (e.g. apps/v1), not '{YamlScalar.Shorten(ApiVersion)}'");
        }
    }
}
