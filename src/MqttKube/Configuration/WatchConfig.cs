using MqttKube.Configuration.Schema;
using MqttKube.Configuration.Yaml;

namespace MqttKube.Configuration;

[ConfigObject("Publishes the value at a locus of the object to a topic whenever it changes.")]
internal sealed partial record WatchConfig : IConfigValidation
{
    [ConfigKey("JSONPath of the value in the object, e.g. $.status.availableReplicas.", Required = true)]
    public string Locus { get; init; } = string.Empty;

    [ConfigKey("Topic the value is published to (under the topic prefix).", Required = true)]
    public string Topic { get; init; } = string.Empty;

    [ConfigKey("QoS of the publishes.", Minimum = 0, Maximum = 2)]
    public int Qos { get; init; } = 1;

    [ConfigKey("Publish with the retain flag.")]
    public bool Retain { get; init; }

    [ConfigKey("Maps the value to the payload.")]
    public ValuesConfig? Values { get; init; }

    [ConfigKey("Read the newest object of this kind (Job, Pod, ...: a built-in kind, plural or short name) that the bound object owns (its uid in the object's ownerReferences, same namespace) instead of the bound object itself; null when it owns none. Costs one list+watch of the kind per namespace.")]
    public string? Owned { get; init; }

    [ConfigKey("Announce this association to Home Assistant as an entity (component, name, Home Assistant options).")]
    public HomeAssistantEntityConfig? Homeassistant { get; init; }

    [ConfigNode]
    public YamlMapping? Node { get; init; }

    void IConfigValidation.Validate(YamlMapping node, ConfigBindContext context, string path)
    {
        if (Owned is not null && Kubernetes.ApiDiscovery.Match(Kubernetes.BuiltinKinds.All, Owned, null) is null)
        {
            context.Error(node.Get("owned") ?? node, $"'{path}.owned' must name a built-in kind (a kind, plural or short name, any case: Job, jobs, Pod, ReplicaSet), not '{YamlScalar.Shorten(Owned)}'");
        }
    }
}
