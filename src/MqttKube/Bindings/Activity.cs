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
}
