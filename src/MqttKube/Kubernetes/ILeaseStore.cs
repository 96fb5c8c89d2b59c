namespace MqttKube.Kubernetes;

/// <summary>Where the election's Lease lives: the API server (<see cref="LeaseStore"/>), or memory in tests.</summary>
internal interface ILeaseStore
{
    /// <summary>The lease as <c>namespace/name</c>, for logs.</summary>
    string Name { get; }

    /// <summary>The lease, or null when it does not exist.</summary>
    Task<LeaseRecord?> GetAsync(CancellationToken cancellationToken);

    /// <summary>Creates the lease; a <see cref="KubeApiException"/> AlreadyExists when another replica was first.</summary>
    Task<LeaseRecord> CreateAsync(LeaseRecord record, CancellationToken cancellationToken);

    /// <summary>
    /// Replaces the lease, on condition that it is still at <see cref="LeaseRecord.ResourceVersion"/>: a
    /// <see cref="KubeApiException"/> Conflict (409) when it changed since (another replica wrote it first).
    /// </summary>
    Task<LeaseRecord> UpdateAsync(LeaseRecord record, CancellationToken cancellationToken);
}
