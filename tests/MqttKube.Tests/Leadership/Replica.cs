using Microsoft.Extensions.Time.Testing;
using MqttKube.Kubernetes;
using MqttKube.Tests.Mqtt;

namespace MqttKube.Tests.Leadership;

/// <summary>
/// One replica's elector on its own fake clock (each machine has its own; they are never compared); with
/// <c>earlyTimers</c>, its timers fire a little early, as the system's do (<see cref="EarlyTimers"/>).
/// </summary>
internal sealed class Replica : IAsyncDisposable
{
    public Replica(string identity, ILeaseStore store, DateTimeOffset clockStart, LeaseTiming? timing = null, bool earlyTimers = false)
    {
        Clock = new FakeTimeProvider(clockStart);
        Elector = new LeaseElector(store, timing ?? LeaseTiming.Default, identity, earlyTimers ? new EarlyTimers(Clock) : Clock, Log);
        Elector.LeadershipChanged += leads => Changes.Add(leads);
    }

    public FakeTimeProvider Clock { get; }

    public CapturingLogger<LeaseElector> Log { get; } = new();

    public LeaseElector Elector { get; }

    /// <summary>Every leadership change the elector raised, in order.</summary>
    public List<bool> Changes { get; } = [];

    public bool Leads => Elector.IsLeader;

    /// <summary>One try, as the loop makes every retry period.</summary>
    public Task StepAsync() => Elector.StepAsync(CancellationToken.None);

    public ValueTask DisposeAsync() => Elector.DisposeAsync();
}
