using MqttKube.Kubernetes;

namespace MqttKube.Tests.Leadership;

/// <summary>
/// The election state machine of issue 13 on fake clocks and an in-memory lease: client-go's semantics (create, renew,
/// take over only after the lease duration without a change as seen on one's own clock, release, 409 = lost).
/// </summary>
public sealed class LeaseElectorTests
{
    private static readonly DateTimeOffset Noon = new(2025, 6, 1, 12, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Retry = LeaseTiming.Default.RetryPeriod;

    [Fact]
    public async Task The_first_replica_creates_the_lease_and_leads()
    {
        var store = new InMemoryLeaseStore();
        await using var a = new Replica("a", store, Noon);

        await a.StepAsync();

        Assert.True(a.Leads);
        Assert.Equal([true], a.Changes);
        var lease = store.Lease!;
        Assert.Equal(("a", 15, 0), (lease.HolderIdentity, lease.LeaseDurationSeconds, lease.LeaseTransitions));
        Assert.Equal(Noon, lease.RenewTime);
        Assert.Contains(a.Log.Entries, e => e.EventId == 7301 && e.Message.Contains("created the lease", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_renewed_lease_is_never_taken_over_whatever_the_other_clock_says()
    {
        var store = new InMemoryLeaseStore();
        await using var a = new Replica("a", store, Noon);
        await using var b = new Replica("b", store, Noon.AddHours(5)); // a clock five hours ahead: never compared
        await a.StepAsync();

        for (var i = 0; i < 30; i++)
        {
            await b.StepAsync();
            a.Clock.Advance(Retry);
            b.Clock.Advance(Retry);
            await a.StepAsync();
        }

        Assert.True(a.Leads);
        Assert.False(b.Leads);
        Assert.Empty(b.Changes);
        Assert.Equal("a", b.Elector.Holder);
        Assert.Equal(1, b.Log.Count(7303)); // "following a", said once
        Assert.Equal(Noon + (30 * Retry), store.Lease!.RenewTime);
    }

    [Fact]
    public async Task A_follower_takes_over_once_it_has_seen_no_change_for_the_lease_duration()
    {
        var store = new InMemoryLeaseStore();
        await using var a = new Replica("a", store, Noon);
        await using var b = new Replica("b", store, Noon.AddMinutes(-3));
        await a.StepAsync();
        await b.StepAsync(); // b sees a's record now: its 15 s start on b's clock

        // a is killed: it renews no more.
        b.Clock.Advance(TimeSpan.FromSeconds(14.9));
        await b.StepAsync();
        Assert.False(b.Leads);

        b.Clock.Advance(TimeSpan.FromSeconds(0.1));
        await b.StepAsync();
        Assert.True(b.Leads);
        Assert.Equal(("b", 1), (store.Lease!.HolderIdentity, store.Lease.LeaseTransitions));
        Assert.Contains(b.Log.Entries, e => e.EventId == 7301 && e.Message.Contains("the lease of a was not renewed for 15 s", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_change_seen_late_restarts_the_wait()
    {
        var store = new InMemoryLeaseStore();
        await using var a = new Replica("a", store, Noon);
        await using var b = new Replica("b", store, Noon);
        await a.StepAsync();
        await b.StepAsync();

        // b is cut off from the API for 20 s while a keeps renewing; when b reads again it sees a change: no takeover.
        store.Failure = new KubeApiException(0, "Unreachable", "cannot reach the Kubernetes API");
        b.Clock.Advance(TimeSpan.FromSeconds(20));
        await b.StepAsync();
        store.Failure = null;
        a.Clock.Advance(TimeSpan.FromSeconds(2));
        await a.StepAsync();
        await b.StepAsync();

        Assert.False(b.Leads);
        Assert.True(a.Leads);
        Assert.Contains(b.Log.Entries, e => e.EventId == 7304 && e.Message.Contains("cannot reach the Kubernetes API", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_leader_that_cannot_renew_stops_acting_at_the_renew_deadline_before_anyone_may_take_over()
    {
        var store = new InMemoryLeaseStore();
        await using var a = new Replica("a", store, Noon);
        await using var b = new Replica("b", store, Noon);
        await a.StepAsync();
        await b.StepAsync();
        var bTookOverAt = TimeSpan.Zero;

        // a's renewals all fail from now on (its link to the API is down); b still reaches the API.
        for (var t = Retry; t <= TimeSpan.FromSeconds(20); t += Retry)
        {
            store.Failure = new KubeApiException(503, "ServiceUnavailable", "the API server is shutting down");
            a.Clock.Advance(Retry);
            await a.StepAsync();
            store.Failure = null;
            b.Clock.Advance(Retry);
            await b.StepAsync();
            if (b.Leads && bTookOverAt == TimeSpan.Zero)
            {
                bTookOverAt = t;
                Assert.False(a.Leads, "two leaders at once");
            }
        }

        Assert.Equal([true, false], a.Changes);
        Assert.Contains(a.Log.Entries, e => e.EventId == 7302 && e.Message.Contains("could not renew the lease for 10 s", StringComparison.Ordinal)
            && e.Message.Contains("the API server is shutting down", StringComparison.Ordinal));
        Assert.Equal(TimeSpan.FromSeconds(16), bTookOverAt); // the first try at or after 15 s
    }

    [Fact]
    public async Task A_hung_renewal_does_not_delay_stopping_to_act()
    {
        var store = new InMemoryLeaseStore();
        await using var a = new Replica("a", store, Noon);
        await a.StepAsync();
        a.Clock.Advance(Retry);
        store.Hang = true;

        var renewal = a.StepAsync(); // hangs
        a.Clock.Advance(TimeSpan.FromSeconds(7.9));
        Assert.True(a.Leads);
        a.Clock.Advance(TimeSpan.FromSeconds(0.1)); // 10 s since the last renewal

        Assert.False(a.Leads);
        await renewal.WaitAsync(TimeSpan.FromSeconds(10)); // abandoned at the deadline, not left hanging
        Assert.Equal([true, false], a.Changes);
    }

    [Fact]
    public async Task A_clean_stop_releases_the_lease_and_a_follower_takes_it_at_its_next_try()
    {
        var store = new InMemoryLeaseStore();
        await using var a = new Replica("a", store, Noon);
        await using var b = new Replica("b", store, Noon);
        await a.StepAsync();
        await b.StepAsync();

        await a.Elector.StopAsync(CancellationToken.None);

        Assert.Equal([true, false], a.Changes);
        Assert.Equal((null, 1), (store.Lease!.HolderIdentity, store.Lease.LeaseDurationSeconds));
        await b.StepAsync(); // no wait for the lease duration
        Assert.True(b.Leads);
        Assert.Contains(b.Log.Entries, e => e.EventId == 7301 && e.Message.Contains("the lease was released", StringComparison.Ordinal));
        Assert.Contains(a.Log.Entries, e => e.EventId == 7302 && e.Message.Contains("this replica is stopping", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_follower_stopping_leaves_the_lease_alone()
    {
        var store = new InMemoryLeaseStore();
        await using var a = new Replica("a", store, Noon);
        await using var b = new Replica("b", store, Noon);
        await a.StepAsync();
        await b.StepAsync();
        var before = store.Lease;

        await b.Elector.StopAsync(CancellationToken.None);

        Assert.Same(before, store.Lease);
        Assert.Empty(b.Changes);
    }

    [Fact]
    public async Task Two_replicas_taking_a_released_lease_at_once_make_one_leader_the_other_gets_409()
    {
        var store = new InMemoryLeaseStore();
        store.Write(new LeaseRecord(null, 1, Noon, Noon, 3));
        await using var a = new Replica("a", store, Noon);

        // b's write lands between a's read and a's write.
        store.BeforeUpdate = () =>
        {
            store.BeforeUpdate = null;
            store.Write(new LeaseRecord("b", 15, Noon, Noon, 4));
        };
        await a.StepAsync();

        Assert.False(a.Leads);
        Assert.Equal("b", store.Lease!.HolderIdentity);
        Assert.Contains(a.Log.Entries, e => e.EventId == 7305);

        await a.StepAsync();
        Assert.False(a.Leads);
        Assert.Equal("b", a.Elector.Holder);
    }

    [Fact]
    public async Task Two_replicas_creating_the_lease_at_once_make_one_leader()
    {
        var store = new InMemoryLeaseStore();
        await using var a = new Replica("a", store, Noon);
        store.BeforeCreate = () => store.Write(new LeaseRecord("b", 15, Noon, Noon, 0)); // b's create lands first

        await a.StepAsync();

        Assert.False(a.Leads);
        Assert.Equal("b", store.Lease!.HolderIdentity);
        Assert.Contains(a.Log.Entries, e => e.EventId == 7305);
    }

    [Fact]
    public async Task A_leader_whose_lease_was_taken_stops_acting_at_its_next_renewal()
    {
        var store = new InMemoryLeaseStore();
        await using var a = new Replica("a", store, Noon);
        await a.StepAsync();

        // Someone else wrote the lease (an operator, or a replica after a split): a's renewal is refused with 409.
        store.Write(new LeaseRecord("c", 15, Noon, Noon, 1));
        a.Clock.Advance(Retry);
        await a.StepAsync();

        Assert.False(a.Leads);
        Assert.Equal([true, false], a.Changes);
        Assert.Contains(a.Log.Entries, e => e.EventId == 7302 && e.Message.Contains("held by c", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Api_errors_neither_make_a_leader_nor_escape_and_are_logged_once_while_they_last()
    {
        var store = new InMemoryLeaseStore { Failure = new KubeApiException(403, "Forbidden", "leases.coordination.k8s.io is forbidden") };
        await using var a = new Replica("a", store, Noon);

        for (var i = 0; i < 5; i++)
        {
            await a.StepAsync();
            a.Clock.Advance(Retry);
        }

        Assert.False(a.Leads);
        Assert.Equal(1, a.Log.Count(7304));
        store.Failure = null;
        await a.StepAsync();
        Assert.True(a.Leads);
    }

    [Fact]
    public async Task The_loop_renews_every_retry_period()
    {
        var store = new InMemoryLeaseStore();
        await using var a = new Replica("a", store, Noon);
        a.Elector.Start();
        await Support.Mosquitto.Eventually.WaitAsync(() => a.Leads, () => "leads");

        for (var i = 1; i <= 3; i++)
        {
            var expected = Noon + (i * Retry);
            await Support.Mosquitto.Eventually.WaitAsync(
                () =>
                {
                    a.Clock.Advance(TimeSpan.FromMilliseconds(100));
                    return store.Lease!.RenewTime >= expected;
                },
                () => $"renewed at {expected}");
        }

        await a.Elector.StopAsync(CancellationToken.None);
        Assert.Null(store.Lease!.HolderIdentity);
    }
}
