namespace MqttKube.Kubernetes;

/// <summary>A <c>coordination.k8s.io/v1</c> Lease on the API server: GET, POST (create) and PUT with its resourceVersion.</summary>
internal sealed class LeaseStore(KubeApi api, string ns, string name) : ILeaseStore
{
    private readonly string collection = $"/apis/coordination.k8s.io/v1/namespaces/{Uri.EscapeDataString(ns)}/leases";

    public string Name => $"{ns}/{name}";

    private string ObjectPath => $"{collection}/{Uri.EscapeDataString(name)}";

    private static string Manager => KubeApi.Query(("fieldManager", KubeApi.FieldManager));

    public async Task<LeaseRecord?> GetAsync(CancellationToken cancellationToken)
    {
        try
        {
            return LeaseRecord.FromLease(await api.GetAsync(ObjectPath, cancellationToken).ConfigureAwait(false));
        }
        catch (KubeApiException e) when (e.IsNotFound)
        {
            return null;
        }
    }

    public async Task<LeaseRecord> CreateAsync(LeaseRecord record, CancellationToken cancellationToken) =>
        LeaseRecord.FromLease(await api.SendAsync(HttpMethod.Post, collection + Manager, record.ToLease(ns, name), "application/json", cancellationToken).ConfigureAwait(false));

    public async Task<LeaseRecord> UpdateAsync(LeaseRecord record, CancellationToken cancellationToken) =>
        LeaseRecord.FromLease(await api.SendAsync(HttpMethod.Put, ObjectPath + Manager, record.ToLease(ns, name), "application/json", cancellationToken).ConfigureAwait(false));
}
