namespace MqttKube.Mqtt;

/// <summary>The connection's fixed figures, which the config does not set (tests shorten the delays).</summary>
internal sealed record MqttTuning
{
    public static MqttTuning Default { get; } = new();

    /// <summary>Larger payloads are refused with a warning, in and out (SPEC 7).</summary>
    public int MaxPayloadBytes { get; init; } = 256 * 1024;

    /// <summary>
    /// First delay between connection attempts (±20 % jitter); doubles up to <see cref="ReconnectMaxDelay"/>. Short, so a
    /// broker that restarts is back in use well within a second of answering again.
    /// </summary>
    public TimeSpan ReconnectMinDelay { get; init; } = TimeSpan.FromSeconds(0.25);

    public TimeSpan ReconnectMaxDelay { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Limit for one connection attempt and for each acknowledged operation.</summary>
    public TimeSpan OperationTimeout { get; init; } = TimeSpan.FromSeconds(10);
}
