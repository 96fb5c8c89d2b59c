using MqttKube.Configuration.Schema;
using MqttKube.Configuration.Yaml;

namespace MqttKube.Configuration;

[ConfigObject("Writes a mapped payload at a locus of the object.")]
internal sealed partial record PatchConfig
{
    [ConfigKey("Topic to listen on (under the topic prefix; + and # allowed).", Required = true)]
    public string Topic { get; init; } = string.Empty;

    [ConfigKey("Singular JSONPath of the value to write, e.g. $.spec.replicas.", Required = true)]
    public string Locus { get; init; } = string.Empty;

    [ConfigKey("Maps the payload to the value written; a miss writes nothing.")]
    public ValuesConfig? Values { get; init; }

    [ConfigKey("Integer loci (spec.replicas): writing 0 over a positive value records it in the annotation mqtt-kube/restore.<last locus segment>; a later positive write restores the recorded value (SPEC 14).")]
    public bool Restore { get; init; }

    [ConfigKey("Announce this association to Home Assistant as an entity (component, name, Home Assistant options).")]
    public HomeAssistantEntityConfig? Homeassistant { get; init; }

    [ConfigNode]
    public YamlMapping? Node { get; init; }
}
