namespace MqttKube.Http;

/// <summary>The Kubernetes side as the status page shows it.</summary>
/// <param name="Server">The API server's URL.</param>
/// <param name="Version">Its version (<c>v1.33.1</c>); null while unknown.</param>
/// <param name="Source">Where the connection settings came from (<c>in-cluster</c>, <c>kubeconfig PATH</c>).</param>
/// <param name="ListWatches">Every shared list+watch.</param>
internal sealed record KubeStatus(string Server, string? Version, string Source, IReadOnlyList<ListWatchStatus> ListWatches)
{
    /// <summary>No Kubernetes connection to show (tests).</summary>
    public static readonly KubeStatus None = new(string.Empty, null, string.Empty, []);
}
