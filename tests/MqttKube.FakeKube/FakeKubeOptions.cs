namespace MqttKube.FakeKube;

/// <summary>How a <see cref="FakeKubeServer"/> listens and authenticates.</summary>
public sealed class FakeKubeOptions
{
    /// <summary>0 picks a free port.</summary>
    public int Port { get; init; }

    /// <summary>Serve HTTPS with a generated CA and server certificate (see <see cref="FakeKubeServer.Certificates"/>).</summary>
    public bool Https { get; init; }

    /// <summary>When set, every request must carry `Authorization: Bearer {token}` (else 401).</summary>
    public string? RequiredToken { get; init; }

    /// <summary>When set (HTTPS only), every request must present a client certificate issued by the fake's CA.</summary>
    public bool RequireClientCertificate { get; init; }

    /// <summary>The user named in Forbidden messages.</summary>
    public string User { get; init; } = "system:serviceaccount:mqtt-kube:mqtt-kube";

    /// <summary>Answer a watch from an expired RV with HTTP 410 instead of a 200 stream with an ERROR event.</summary>
    public bool WatchGoneAsHttpError { get; init; }

    /// <summary>How often watches with allowWatchBookmarks=true get a BOOKMARK (the real server: about a minute).</summary>
    public TimeSpan BookmarkInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Answer <c>/api</c> and <c>/apis</c> in the aggregated form (every group's resources in one answer) when the
    /// Accept header asks for it, as Kubernetes 1.27+ does; off, they answer the plain lists, as 1.26 does by default.
    /// </summary>
    public bool AggregatedDiscovery { get; init; }
}
