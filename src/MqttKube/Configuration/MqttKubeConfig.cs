using System.Collections.Immutable;
using MqttKube.Configuration.Schema;

namespace MqttKube.Configuration;

[ConfigObject("The mqtt-kube config file: the broker, the web server, logging and the bindings.", Root = true)]
internal sealed partial record MqttKubeConfig
{
    [ConfigKey("The MQTT broker connection.")]
    public MqttConfig Mqtt { get; init; } = new();

    [ConfigKey("The web server for health, readiness, metrics and the status page.")]
    public HttpConfig Http { get; init; } = new();

    [ConfigKey("Log level and format.")]
    public LoggingConfig Logging { get; init; } = new();

    [ConfigKey("Leader election among several replicas (off when absent; 'run --leader-elect' turns it on with the defaults).")]
    public LeaderElectionConfig? LeaderElection { get; init; }

    [ConfigKey("Home Assistant MQTT discovery: present (even empty, {}) turns it on.")]
    public HomeAssistantConfig? Homeassistant { get; init; }

    [ConfigKey("The bindings: each connects one Kubernetes object to MQTT topics.")]
    public ImmutableArray<BindingConfig> Bindings { get; init; } = [];
}
