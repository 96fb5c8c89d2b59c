namespace MqttKube.Mqtt;

/// <summary>The connection's fixed figures, which the config does not set (tests shorten the delays).</summary>
internal sealed record MqttTuning
{
    public static MqttTuning Default { get; } = new();

    /// <summary>Larger payloads are refused with a warning, in and out (SPEC 7).</summary>
    public int MaxPayloadBytes { get; init; } = 256 * 1024;

    /// <summary>
    /// First delay between connection attempts (±20 % jitter, so many clients do not retry in step); doubles up to
    /// <see cref="ReconnectMaxDelay"/>: 1 s doubling to 30 s, as SPEC 7 says.
    /// </summary>
    public TimeSpan ReconnectMinDelay { get; init; } = TimeSpan.FromSeconds(1);

    public TimeSpan ReconnectMaxDelay { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Limit for one connection attempt and for each acknowledged operation.</summary>
    public TimeSpan OperationTimeout { get; init; } = TimeSpan.FromSeconds(10);
}
