using MqttKube.Configuration.Schema;
using MqttKube.Configuration.Yaml;

namespace MqttKube.Configuration;

[ConfigObject("Maps a payload to an action: launch (alias create), delete or restart.")]
internal sealed partial record ActionConfig
{
    [ConfigKey("Topic to listen on (under the topic prefix; + and # allowed).", Required = true)]
    public string Topic { get; init; } = string.Empty;

    [ConfigKey("Template of the object to launch (a Kubernetes YAML file with ${...} substitutions).")]
    public ConfigPath? Launch { get; init; }

    [ConfigKey("What launch does when the object exists: skip, or replace (delete, wait, create).")]
    public OnExists OnExists { get; init; } = OnExists.Skip;

    [ConfigKey("Maps the payload to the action name.")]
    public ValuesConfig? Values { get; init; }

    [ConfigKey("Announce this association to Home Assistant as an entity (component, name, Home Assistant options).")]
    public HomeAssistantEntityConfig? Homeassistant { get; init; }

    [ConfigNode]
    public YamlMapping? Node { get; init; }
}
