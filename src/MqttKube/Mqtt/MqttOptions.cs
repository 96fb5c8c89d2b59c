namespace MqttKube.Mqtt;

/// <summary>Everything <see cref="MqttConnection"/> needs, independent of the config file model.</summary>
internal sealed record MqttOptions
{
    public string Host { get; init; } = "127.0.0.1";

    /// <summary>Null: 1883, or 8883 when TLS is used (see <see cref="EffectivePort"/>).</summary>
    public int? Port { get; init; }

    public string ClientId { get; init; } = "mqtt-kube";

    /// <summary>Append <c>-</c> and 6 random hex digits to <see cref="ClientId"/> (once per connection object).</summary>
    public bool ClientIdSuffix { get; init; } = true;

    /// <summary>Joined in front of every topic and filter with exactly one <c>/</c>; null or empty: none.</summary>
    public string? TopicPrefix { get; init; }

    public MqttProtocol Protocol { get; init; } = MqttProtocol.V311;

    public TimeSpan KeepAlive { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>QoS of every subscription (0, 1 or 2).</summary>
    public int SubscriptionQos { get; init; } = 1;

    /// <summary>Availability topic under the prefix: <c>online</c>/<c>offline</c>, retained.</summary>
    public string StatusTopic { get; init; } = "status";

    /// <summary>Server-authenticated TLS; null means plain TCP unless <see cref="Auth"/> is mtls.</summary>
    public MqttTlsOptions? Tls { get; init; }

    public MqttAuthOptions Auth { get; init; } = MqttAuthOptions.None;

    /// <summary>Larger payloads are rejected with a warning, in and out.</summary>
    public int MaxPayloadBytes { get; init; } = 256 * 1024;

    /// <summary>Most QoS 1/2 publishes kept while offline; the oldest is dropped beyond it.</summary>
    public int OfflineQueueLimit { get; init; } = 1000;

    /// <summary>
    /// First delay between connection attempts (±20 % jitter); doubles up to <see cref="ReconnectMaxDelay"/>. Short, so a
    /// broker that restarts is back in use well within a second of answering again.
    /// </summary>
    public TimeSpan ReconnectMinDelay { get; init; } = TimeSpan.FromSeconds(0.25);

    public TimeSpan ReconnectMaxDelay { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Limit for one connection attempt and for each acknowledged operation.</summary>
    public TimeSpan OperationTimeout { get; init; } = TimeSpan.FromSeconds(10);

    public bool UsesTls => Tls is not null || Auth.Kind == MqttAuthKind.Mtls;

    public int EffectivePort => Port ?? (UsesTls ? 8883 : 1883);
}
