using MqttKube.Configuration.Schema;
using MqttKube.Configuration.Yaml;

namespace MqttKube.Configuration;

[ConfigObject("The MQTT broker connection.")]
internal sealed partial record MqttConfig
{
    [ConfigKey("Broker host name or address.")]
    public string Host { get; init; } = "127.0.0.1";

    [ConfigKey("Broker port; default 1883, or 8883 when TLS is on.", Minimum = 1, Maximum = 65535)]
    public int? Port { get; init; }

    [ConfigKey("MQTT client identifier.")]
    public string ClientId { get; init; } = "mqtt-kube";

    [ConfigKey("Append a unique suffix to the client id (brokers drop a client whose id reconnects elsewhere).")]
    public bool ClientIdSuffix { get; init; } = true;

    [ConfigKey("Prefix joined to every topic with a single '/'.")]
    public string? TopicPrefix { get; init; }

    [ConfigKey("MQTT protocol version: 3.1.1 or 5.")]
    public MqttProtocol Protocol { get; init; } = MqttProtocol.V311;

    [ConfigKey("Keep-alive interval in seconds.", Minimum = 1, Maximum = 65535)]
    public int Keepalive { get; init; } = 60;

    [ConfigKey("QoS of the subscriptions.", Minimum = 0, Maximum = 2)]
    public int Qos { get; init; } = 1;

    [ConfigKey("Availability topic under the prefix: 'online' (retained) while connected, 'offline' as last will and on a clean stop.")]
    public string StatusTopic { get; init; } = "status";

    [ConfigKey("Server-authenticated TLS (implied by auth type mtls).")]
    public TlsConfig? Tls { get; init; }

    [ConfigKey("How the client authenticates to the broker.")]
    public AuthConfig Auth { get; init; } = new();

    [ConfigNode]
    public YamlMapping? Node { get; init; }

    /// <summary>Whether the connection uses TLS: a <c>tls</c> block or mTLS auth.</summary>
    public bool UsesTls => Tls is not null || Auth.Type == AuthType.Mtls;

    /// <summary>The CA that verifies the broker: <c>tls.cafile</c>, else <c>auth.cafile</c> with mTLS; null: the platform's CAs.</summary>
    public ConfigPath? BrokerCafile => Tls?.Cafile ?? (Auth.Type == AuthType.Mtls ? Auth.Cafile : null);

    /// <summary>Whether the broker's certificate is checked against the platform's CAs: TLS, verification on, no CA file.</summary>
    public bool UsesPlatformTrust => UsesTls && Tls?.Insecure != true && BrokerCafile is null;

    /// <summary>The port to connect to: as given, else 8883 with TLS and 1883 without.</summary>
    public int EffectivePort => Port ?? (UsesTls ? 8883 : 1883);
}
