using MqttKube.Kubernetes;

namespace MqttKube.Tests.Leadership;

/// <summary>
/// One Lease in memory with the API server's rules: create fails with AlreadyExists when it exists, an update names the
/// resourceVersion it was based on and fails with 409 Conflict when the lease moved on. Failures and hangs on demand.
/// </summary>
internal sealed class InMemoryLeaseStore : ILeaseStore
{
    private readonly Lock gate = new();
    private LeaseRecord? lease;
    private int version;

    public string Name => "iot/mqtt-kube";

    /// <summary>Every request fails with this (null: none fails).</summary>
    public KubeApiException? Failure { get; set; }

    /// <summary>Every request waits until its token is cancelled (a server that accepted the connection and hangs).</summary>
    public bool Hang { get; set; }

    /// <summary>Runs just before an update is applied: another replica's write can sneak in.</summary>
    public Action? BeforeUpdate { get; set; }

    /// <summary>Runs just before a create is applied.</summary>
    public Action? BeforeCreate { get; set; }

    public int Requests { get; private set; }

    public LeaseRecord? Lease
    {
        get
        {
            lock (gate)
            {
                return lease;
            }
        }
    }

    /// <summary>Writes the lease as someone else would (a replica not under test).</summary>
    public void Write(LeaseRecord record)
    {
        lock (gate)
        {
            lease = record with { ResourceVersion = (++version).ToString(System.Globalization.CultureInfo.InvariantCulture) };
        }
    }

    public async Task<LeaseRecord?> GetAsync(CancellationToken cancellationToken)
    {
        await EnterAsync(cancellationToken);
        return Lease;
    }

    public async Task<LeaseRecord> CreateAsync(LeaseRecord record, CancellationToken cancellationToken)
    {
        await EnterAsync(cancellationToken);
        BeforeCreate?.Invoke();
        lock (gate)
        {
            if (lease is not null)
            {
                throw new KubeApiException(409, "AlreadyExists", "leases.coordination.k8s.io \"mqtt-kube\" already exists");
            }
        }

        Write(record);
        return Lease!;
    }

    public async Task<LeaseRecord> UpdateAsync(LeaseRecord record, CancellationToken cancellationToken)
    {
        await EnterAsync(cancellationToken);
        BeforeUpdate?.Invoke();
        lock (gate)
        {
            if (lease is null)
            {
                throw new KubeApiException(404, "NotFound", "leases.coordination.k8s.io \"mqtt-kube\" not found");
            }

            if (record.ResourceVersion != lease.ResourceVersion)
            {
                throw new KubeApiException(409, "Conflict", "Operation cannot be fulfilled on leases.coordination.k8s.io \"mqtt-kube\": the object has been modified");
            }
        }

        Write(record);
        return Lease!;
    }

    private async Task EnterAsync(CancellationToken cancellationToken)
    {
        Requests++;
        if (Hang)
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
        }

        if (Failure is { } failure)
        {
            throw failure;
        }
    }
}
