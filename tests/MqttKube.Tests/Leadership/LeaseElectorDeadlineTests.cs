using MqttKube.Kubernetes;

namespace MqttKube.Tests.Leadership;

/// <summary>
/// The renew deadline of issue 13 where timers and threads meet: a leader stops acting at its deadline whatever its
/// timer does, never acts on an answer that came after it, and the changes it raises (what opens and closes the gate,
/// and <c>mqtt_kube_leader</c>) always end on what the elector knows.
/// </summary>
public sealed class LeaseElectorDeadlineTests
{
    private static readonly DateTimeOffset Noon = new(2025, 6, 1, 12, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan RenewDeadline = LeaseTiming.Default.RenewDeadline;
    private static readonly TimeSpan Millisecond = TimeSpan.FromMilliseconds(1);

    [Fact]
    public async Task A_leader_stops_acting_at_the_renew_deadline_even_when_its_timer_fires_a_little_early()
    {
        var store = new InMemoryLeaseStore();
        await using var a = new Replica("a", store, Noon, earlyTimers: true);
        await a.StepAsync();

        a.Clock.Advance(RenewDeadline - Millisecond); // the deadline's timer fires now, a millisecond early
        Assert.True(a.Leads);
        a.Clock.Advance(Millisecond);

        Assert.False(a.Leads);
        Assert.Equal([true, false], a.Changes);
        Assert.Contains(a.Log.Entries, e => e.EventId == 7302 && e.Message.Contains("could not renew the lease for 10 s", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_write_answered_after_the_renew_deadline_is_not_acted_on()
    {
        var store = new InMemoryLeaseStore();
        await using var a = new Replica("a", store, Noon);
        await a.StepAsync();
        a.Clock.Advance(RenewDeadline); // no renewal in time: a stopped acting
        Assert.Equal([true, false], a.Changes);

        // a still holds the lease; its next write lands, but the answer takes longer than the renew deadline.
        store.BeforeUpdate = () =>
        {
            store.BeforeUpdate = null;
            a.Clock.Advance(RenewDeadline + TimeSpan.FromSeconds(1));
        };
        await a.StepAsync();

        Assert.False(a.Leads);
        Assert.Equal([true, false], a.Changes);
        Assert.Equal("a", store.Lease!.HolderIdentity);
        Assert.Equal(1, a.Log.Count(7301)); // "leading" only the first time

        await a.StepAsync(); // answered in time: it leads again
        Assert.True(a.Leads);
        Assert.Equal([true, false, true], a.Changes);
    }

    [Fact]
    public async Task The_last_change_raised_is_the_elector_s_state_when_the_deadline_and_a_new_write_cross()
    {
        var store = new InMemoryLeaseStore();
        await using var a = new Replica("a", store, Noon);
        await a.StepAsync();

        // The deadline's timer (one thread) stops leading; before it has raised the change, the loop (another thread)
        // writes the lease again and leads: the timer's "false" must not be the last word.
        a.Log.Logged = e =>
        {
            if (e.EventId == 7302)
            {
                a.Log.Logged = null;
                a.StepAsync().GetAwaiter().GetResult();
            }
        };
        a.Clock.Advance(RenewDeadline);

        Assert.True(a.Leads);
        Assert.Equal(a.Leads, a.Changes[^1]);
    }
}
