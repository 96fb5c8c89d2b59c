namespace MqttKube.Kubernetes;

/// <summary>Timing of the shared list+watch loops.</summary>
internal sealed record InformerOptions
{
    public TimeSpan InitialBackoff { get; init; } = TimeSpan.FromMilliseconds(500);

    public TimeSpan MaxBackoff { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Server-side watch timeout; each watch asks for a random value between this and twice this.</summary>
    public TimeSpan WatchTimeout { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>A watch silent for this long past its timeout is considered dead and restarted.</summary>
    public TimeSpan IdleGrace { get; init; } = TimeSpan.FromSeconds(30);

    public int ListPageSize { get; init; } = 500;
}
