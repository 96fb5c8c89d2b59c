using Microsoft.Extensions.Logging;

namespace MqttKube.Kubernetes;

internal sealed partial class LeaseElector
{
    /// <summary>
    /// A write of ours landed at <paramref name="started"/> (the attempt's start: the conservative time). An answer
    /// that came after the renew deadline counts for nothing: this replica may not act on it (the next try renews).
    /// </summary>
    private void Succeeded(LeaseRecord written, long started, string? why)
    {
        bool became, late;
        lock (gate)
        {
            observed = written;
            observedAt = started;
            var left = timing.RenewDeadline - time.GetElapsedTime(started);
            late = left <= TimeSpan.Zero;
            became = !leader && !late;
            if (!late)
            {
                renewedAt = started;
                leader = true;
                followed = null;
                ArmDeadline(left);
            }
        }

        if (became)
        {
            LogBecameLeader(logger, store.Name, Identity, why ?? "this replica holds the lease");
        }

        if (late)
        {
            CheckDeadline(); // a leader whose renewal was answered after its deadline stops now, its timer or not
        }

        Publish();
    }

    /// <summary>
    /// The renew deadline's timer: a leader that has not renewed in time stops acting now. A timer may fire a little
    /// early (the system's due times are whole milliseconds on a coarser clock than <see cref="TimeProvider.GetTimestamp"/>):
    /// then it waits for the rest, or the deadline would pass unnoticed and this replica would act on for good.
    /// </summary>
    private void CheckDeadline()
    {
        TimeSpan since;
        lock (gate)
        {
            if (!leader)
            {
                return;
            }

            since = time.GetElapsedTime(renewedAt);
            if (since < timing.RenewDeadline)
            {
                ArmDeadline(timing.RenewDeadline - since);
                return;
            }
        }

        Lose($"could not renew the lease for {since.TotalSeconds:0.#} s (renew deadline {timing.RenewDeadline.TotalSeconds:0.#} s){(lastError is { } e ? ": " + e : "")}");
    }

    /// <summary>The deadline's timer in <paramref name="left"/>, rounded up to whole milliseconds (the system timer's unit).</summary>
    private void ArmDeadline(TimeSpan left) =>
        deadline.Change(TimeSpan.FromMilliseconds(Math.Ceiling(left.TotalMilliseconds)), Timeout.InfiniteTimeSpan);

    private void Lose(string reason)
    {
        lock (gate)
        {
            if (!leader)
            {
                return;
            }

            leader = false;
            deadline.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        }

        LogLostLeadership(logger, store.Name, reason);
        Publish();
    }

    /// <summary>
    /// Raises <see cref="LeadershipChanged"/> with the state as it is now when it differs from the last one raised. The
    /// timer and the loop change the state on their own threads and raise outside the state's lock, so a change can
    /// overtake another on its way out; each raises what holds when it gets here, one at a time, so the last raised is
    /// always the state (the gate never stays open on a replica that stopped leading, nor closed on one that leads).
    /// </summary>
    private void Publish()
    {
        lock (publishing)
        {
            var now = IsLeader;
            if (now == published)
            {
                return;
            }

            published = now;
            LeadershipChanged?.Invoke(now);
        }
    }

    private void Following(string holder)
    {
        if (IsLeader)
        {
            Lose($"the lease is held by {holder}");
        }

        lock (gate)
        {
            if (followed == holder)
            {
                return;
            }

            followed = holder;
        }

        LogFollowing(logger, store.Name, holder);
    }

    private async Task ReleaseAsync(LeaseRecord held, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        try
        {
            var released = await store.UpdateAsync(held with { HolderIdentity = null, LeaseDurationSeconds = 1, AcquireTime = now, RenewTime = now }, cancellationToken).ConfigureAwait(false);
            lock (gate)
            {
                observed = released;
            }

            LogReleased(logger, store.Name);
        }
        catch (Exception ex) when (ex is KubeApiException or OperationCanceledException)
        {
            LogReleaseFailed(logger, store.Name, ex is KubeApiException ? ex.Message : "no answer in time");
        }
    }

    [LoggerMessage(EventId = 7301, Level = LogLevel.Information, Message = "leading (lease {Lease}, identity {Identity}): {Why}")]
    private static partial void LogBecameLeader(ILogger logger, string lease, string identity, string why);

    [LoggerMessage(EventId = 7302, Level = LogLevel.Warning, Message = "no longer leading (lease {Lease}): {Reason}; stopped acting")]
    private static partial void LogLostLeadership(ILogger logger, string lease, string reason);

    [LoggerMessage(EventId = 7303, Level = LogLevel.Information, Message = "following {Holder} (lease {Lease})")]
    private static partial void LogFollowing(ILogger logger, string lease, string holder);

    [LoggerMessage(EventId = 7304, Level = LogLevel.Warning, Message = "cannot read or write the lease {Lease}: {Reason}")]
    private static partial void LogLeaseError(ILogger logger, string lease, string reason);

    [LoggerMessage(EventId = 7305, Level = LogLevel.Debug, Message = "another replica wrote the lease {Lease} first")]
    private static partial void LogLostRace(ILogger logger, string lease);

    [LoggerMessage(EventId = 7306, Level = LogLevel.Information, Message = "released the lease {Lease}")]
    private static partial void LogReleased(ILogger logger, string lease);

    [LoggerMessage(EventId = 7307, Level = LogLevel.Warning, Message = "could not release the lease {Lease}: {Reason}; a follower takes over when it expires")]
    private static partial void LogReleaseFailed(ILogger logger, string lease, string reason);
}
