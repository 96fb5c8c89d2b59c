namespace MqttKube.Bindings;

/// <summary>
/// Work queued or in flight in the bindings (messages waiting or being handled, states waiting to be published,
/// binding start attempts): <see cref="WaitIdleAsync"/> tells tests (and <c>dry-run</c>-like tools) when the runtime
/// is quiet, without sleeping.
/// </summary>
internal sealed class Activity
{
    private readonly Lock gate = new();
    private int pending;
    private TaskCompletionSource? idle;

    /// <summary>Work queued or in flight now.</summary>
    public int Pending
    {
        get
        {
            lock (gate)
            {
                return pending;
            }
        }
    }

    public void Begin()
    {
        lock (gate)
        {
            pending++;
        }
    }

    public void End()
    {
        TaskCompletionSource? done = null;
        lock (gate)
        {
            if (--pending == 0 && idle is not null)
            {
                (done, idle) = (idle, null);
            }
        }

        done?.TrySetResult();
    }

    /// <summary>Completes when no work is queued or in flight (at once when none is).</summary>
    public Task WaitIdleAsync(CancellationToken cancellationToken)
    {
        lock (gate)
        {
            if (pending == 0)
            {
                return Task.CompletedTask;
            }

            idle ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            return idle.Task.WaitAsync(cancellationToken);
        }
    }

    /// <summary>
    /// A pause of the current work that does not count as work: ends one unit now and begins it again when the pause
    /// is over, in the clock's timer callback (so a test that moves a fake clock sees the work resume before it asks
    /// whether the runtime is idle). Cancelled: the unit is begun again too, then <see cref="OperationCanceledException"/>.
    /// </summary>
    public async Task PauseAsync(TimeSpan delay, TimeProvider time, CancellationToken cancellationToken)
    {
        var resumed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        End();
        using var timer = time.CreateTimer(
            _ =>
            {
                if (resumed.TrySetResult())
                {
                    Begin();
                }
            },
            null,
            delay,
            Timeout.InfiniteTimeSpan);
        using var cancelled = cancellationToken.Register(() =>
        {
            if (resumed.TrySetCanceled(cancellationToken))
            {
                Begin();
            }
        });
        await resumed.Task.ConfigureAwait(false);
    }
}
