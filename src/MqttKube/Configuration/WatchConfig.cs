using MqttKube.Configuration.Schema;
using MqttKube.Configuration.Yaml;

namespace MqttKube.Configuration;

[ConfigObject("Publishes the value at a locus of the object to a topic whenever it changes.")]
internal sealed partial record WatchConfig
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

    [ConfigKey("Announce this association to Home Assistant as an entity (component, name, Home Assistant options).")]
    public HomeAssistantEntityConfig? Homeassistant { get; init; }

    [ConfigNode]
    public YamlMapping? Node { get; init; }
}
