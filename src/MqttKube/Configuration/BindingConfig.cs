using System.Collections.Immutable;
using MqttKube.Configuration.Schema;
using MqttKube.Configuration.Yaml;

namespace MqttKube.Configuration;

[ConfigObject("A binding: one Kubernetes object and the MQTT associations attached to it.")]
internal sealed partial record BindingConfig : IConfigValidation
{
    [ConfigKey("Namespace of the object (omit for cluster-scoped kinds).")]
    public string? Namespace { get; init; }

    [ConfigKey("The kind: a kind, plural or short name known to the API server (Deployment, deployments, deploy), any case.", Required = true)]
    public string Resource { get; init; } = string.Empty;

    [ConfigKey("API group/version, e.g. apps/v1; needed only to disambiguate or for custom resources.")]
    public string? ApiVersion { get; init; }

    [ConfigKey("The object's name.", Required = true)]
    public string Name { get; init; } = string.Empty;

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

    void IConfigValidation.Validate(YamlMapping node, ConfigBindContext context, string path)
    {
        if (node.Get("watch") is null && node.Get("patch") is null && node.Get("action") is null && node.Get("preset") is null)
        {
            context.Error(node, $"'{path}' has no watch, patch, action or preset; it would do nothing");
        }

        if (Name.Length > 0 && !KubernetesNames.IsValidObjectName(Name))
        {
            context.Error(node.Get("name") ?? node, $"'{path}.name' is not a valid Kubernetes object name: '{YamlScalar.Shorten(Name)}'");
        }

        if (Namespace is not null && !KubernetesNames.IsValidLabel(Namespace))
        {
            context.Error(node.Get("namespace") ?? node, $"'{path}.namespace' is not a valid Kubernetes namespace name: '{YamlScalar.Shorten(Namespace)}'");
        }

        if (ApiVersion is not null && !KubernetesNames.IsValidApiVersion(ApiVersion))
        {
            context.Error(node.Get("api-version") ?? node, $"'{path}.api-version' must look like 'v1' or 'group/version' (e.g. apps/v1), not '{YamlScalar.Shorten(ApiVersion)}'");
        }
    }
}
