using System.Security.Cryptography;
using Microsoft.Extensions.Logging;

namespace MqttKube.Kubernetes;

/// <summary>
/// Leader election on a Lease with client-go's semantics. A follower tries every retry period (with a little jitter):
/// it creates the lease when there is none, and takes it when it is released or when it has not seen the record
/// change for the record's lease duration, measured on its OWN clock since it last saw a change (clocks of other
/// machines are never compared). The leader renews every retry period; when it has not renewed for the renew
/// deadline it stops acting at once (a timer, not the next loop turn: a hung request does not delay it), before any
/// follower may take over. Every write names the resourceVersion it was based on: a 409 means another replica won.
/// On a clean stop the leader releases the lease (no holder, duration 1 s) so a follower takes over at its next try.
/// </summary>
internal sealed partial class LeaseElector : IAsyncDisposable
{
    private readonly ILeaseStore store;
    private readonly LeaseTiming timing;
    private readonly TimeProvider time;
    private readonly ILogger logger;
    private readonly Lock gate = new();
    private readonly Lock publishing = new();
    private readonly ITimer deadline;
    private readonly CancellationTokenSource stopping = new();
    private Task loop = Task.CompletedTask;
    private LeaseRecord? observed;
    private long observedAt;
    private long renewedAt;
    private bool leader;
    private string? lastError;
    private string? followed;
    private bool published;

    public LeaseElector(ILeaseStore store, LeaseTiming timing, string identity, TimeProvider time, ILogger logger)
    {
        this.store = store;
        this.timing = timing;
        this.time = time;
        this.logger = logger;
        Identity = identity;
        deadline = time.CreateTimer(_ => CheckDeadline(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
    }

    /// <summary>
    /// Raised when this replica becomes the leader (true) or stops being it (false): synchronously, one at a time, in
    /// order, the last one raised being the state now (handlers must not wait for the elector).
    /// </summary>
    public event Action<bool>? LeadershipChanged;

    /// <summary>This replica's name in the lease's holderIdentity.</summary>
    public string Identity { get; }

    /// <summary>The lease as <c>namespace/name</c>.</summary>
    public string LeaseName => store.Name;

    public bool IsLeader => Volatile.Read(ref leader);

    /// <summary>The holder this replica last saw (itself when it leads; null when none).</summary>
    public string? Holder
    {
        get
        {
            lock (gate)
            {
                return observed?.IsHeld == true ? observed.HolderIdentity : null;
            }
        }
    }

    /// <summary>A name for this replica: the host (the pod's name in Kubernetes) and a random suffix.</summary>
    public static string NewIdentity() => $"{Environment.MachineName}-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4))}";

    /// <summary>Starts trying in the background; returns at once.</summary>
    public void Start() => loop = Task.Run(() => RunAsync(stopping.Token));

    /// <summary>Stops trying; a leader stops acting first, then releases the lease (until <paramref name="cancellationToken"/>).</summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await stopping.CancelAsync().ConfigureAwait(false);
        await loop.ConfigureAwait(false);
        LeaseRecord? held = null;
        lock (gate)
        {
            if (leader)
            {
                held = observed;
            }
        }

        if (held is null)
        {
            return;
        }

        Lose("this replica is stopping");
        await ReleaseAsync(held, cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        await stopping.CancelAsync().ConfigureAwait(false);
        await loop.ConfigureAwait(false);
        await deadline.DisposeAsync().ConfigureAwait(false);
        stopping.Dispose();
    }

    private async Task RunAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            var delay = await StepAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                await Task.Delay(delay, time, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
    }

    /// <summary>One try to acquire or renew; returns how long to wait before the next.</summary>
    internal async Task<TimeSpan> StepAsync(CancellationToken cancellationToken)
    {
        var started = time.GetTimestamp();
        // A leader's renewal still going at the renew deadline is abandoned: it has stopped acting by then anyway.
        var left = IsLeader ? timing.RenewDeadline - time.GetElapsedTime(renewedAt, started) : Timeout.InfiniteTimeSpan;
        using var renewDeadline = new CancellationTokenSource(left == Timeout.InfiniteTimeSpan || left > TimeSpan.Zero ? left : TimeSpan.Zero, time);
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, renewDeadline.Token);

        try
        {
            await TryAcquireOrRenewAsync(started, limit.Token).ConfigureAwait(false);
            lastError = null;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return TimeSpan.Zero;
        }
        catch (Exception ex)
        {
            var reason = ex is OperationCanceledException ? "no answer before the renew deadline" : ex.Message;
            if (reason != lastError)
            {
                LogLeaseError(logger, store.Name, reason);
            }

            lastError = reason;
        }

        return IsLeader ? timing.RetryPeriod : Jittered(timing.RetryPeriod);
    }

    private async Task TryAcquireOrRenewAsync(long started, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var duration = (int)Math.Ceiling(timing.LeaseDuration.TotalSeconds);
        LeaseRecord? mine;
        lock (gate)
        {
            mine = leader && observed is { } o && o.HolderIdentity == Identity ? o : null;
        }

        if (mine is not null)
        {
            // The fast path of a leader: one PUT on the record it wrote last.
            try
            {
                Succeeded(await store.UpdateAsync(mine with { RenewTime = now, LeaseDurationSeconds = duration }, cancellationToken).ConfigureAwait(false), started, null);
                return;
            }
            catch (KubeApiException e) when (e.IsConflict)
            {
                // Someone else wrote it: read it and decide below.
            }
        }

        var current = await store.GetAsync(cancellationToken).ConfigureAwait(false);
        if (current is null)
        {
            var created = await CreateAsync(new LeaseRecord(Identity, duration, now, now, 0), cancellationToken).ConfigureAwait(false);
            if (created is not null)
            {
                Succeeded(created, started, "created the lease");
            }

            return;
        }

        string? why;
        lock (gate)
        {
            if (!current.SameSpec(observed))
            {
                observed = current;
                observedAt = started;
            }

            why = !current.IsHeld ? "the lease was released"
                : current.HolderIdentity == Identity ? "this replica holds the lease"
                : time.GetElapsedTime(observedAt, started) >= TimeSpan.FromSeconds(current.LeaseDurationSeconds)
                    ? $"the lease of {current.HolderIdentity} was not renewed for {current.LeaseDurationSeconds} s"
                    : null;
        }

        if (why is null)
        {
            Following(current.HolderIdentity!);
            return;
        }

        var next = current.HolderIdentity == Identity
            ? current with { RenewTime = now, LeaseDurationSeconds = duration }
            : current with { HolderIdentity = Identity, LeaseDurationSeconds = duration, AcquireTime = now, RenewTime = now, LeaseTransitions = current.LeaseTransitions + 1 };
        try
        {
            Succeeded(await store.UpdateAsync(next, cancellationToken).ConfigureAwait(false), started, why);
        }
        catch (KubeApiException e) when (e.IsConflict)
        {
            LogLostRace(logger, store.Name);
            if (IsLeader)
            {
                Lose("another replica wrote the lease first (409 Conflict)");
            }
        }
    }

    private async Task<LeaseRecord?> CreateAsync(LeaseRecord record, CancellationToken cancellationToken)
    {
        try
        {
            return await store.CreateAsync(record, cancellationToken).ConfigureAwait(false);
        }
        catch (KubeApiException e) when (e.IsAlreadyExists)
        {
            LogLostRace(logger, store.Name);
            return null;
        }
    }

    private static TimeSpan Jittered(TimeSpan period) => period * (1 + (Random.Shared.NextDouble() * 0.2));
}
