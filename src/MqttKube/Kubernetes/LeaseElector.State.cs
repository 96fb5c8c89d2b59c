using Microsoft.Extensions.Logging;

namespace MqttKube.Kubernetes;

internal sealed partial class LeaseElector
{
    /// <summary>A write of ours landed at <paramref name="started"/> (the attempt's start: the conservative time).</summary>
    private void Succeeded(LeaseRecord written, long started, string? why)
    {
        bool became;
        lock (gate)
        {
            observed = written;
            observedAt = started;
            renewedAt = started;
            became = !leader;
            leader = true;
            followed = null;
            var left = timing.RenewDeadline - time.GetElapsedTime(started);
            deadline.Change(left > TimeSpan.Zero ? left : TimeSpan.Zero, Timeout.InfiniteTimeSpan);
        }

        if (became)
        {
            LogBecameLeader(logger, store.Name, Identity, why ?? "this replica holds the lease");
            LeadershipChanged?.Invoke(true);
        }
    }

    /// <summary>The renew deadline's timer: a leader that has not renewed in time stops acting now.</summary>
    private void CheckDeadline()
    {
        TimeSpan since;
        lock (gate)
        {
            since = time.GetElapsedTime(renewedAt);
            if (!leader || since < timing.RenewDeadline)
            {
                return;
            }
        }

        Lose($"could not renew the lease for {since.TotalSeconds:0.#} s (renew deadline {timing.RenewDeadline.TotalSeconds:0.#} s){(lastError is { } e ? ": " + e : "")}");
    }

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
        LeadershipChanged?.Invoke(false);
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
