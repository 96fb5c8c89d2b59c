using MqttKube.Configuration.Schema;
using MqttKube.Configuration.Yaml;

namespace MqttKube.Configuration;

[ConfigObject("Home Assistant MQTT discovery (present: on): every bound object with entities is announced as a device.")]
internal sealed partial record HomeAssistantConfig
{
    [ConfigKey("Discovery prefix of Home Assistant (an absolute topic, never under the topic prefix).")]
    public string DiscoveryPrefix { get; init; } = "homeassistant";

    [ConfigKey("Home Assistant's birth topic (absolute): on 'online' every discovery payload and every state is published again.")]
    public string StatusTopic { get; init; } = "homeassistant/status";

    [ConfigNode]
    public YamlMapping? Node { get; init; }
}
