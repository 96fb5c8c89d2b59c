namespace MqttKube.Bindings.Inbound;

/// <summary>
/// The one inbound queue: the commands of one association for one bound object, handled one at a time and in order,
/// off the MQTT receive path, while other queues run side by side. Bounded (a full queue refuses new items). Closed
/// until <see cref="Open"/> (a binding that is starting holds its commands here); drained lazily: a task runs only
/// while there is work, no idle task waits per queue.
/// </summary>
internal sealed class SerialQueue<T>(int capacity, Func<T, CancellationToken, Task> work, Activity activity)
{
    private readonly Lock gate = new();
    private readonly Queue<T> items = new();
    private bool open;
    private bool running;
    private bool completed;
    private Task drain = Task.CompletedTask;
    private CancellationToken token;

    public int Count
    {
        get
        {
            lock (gate)
            {
                return items.Count;
            }
        }
    }

    public bool IsOpen
    {
        get
        {
            lock (gate)
            {
                return open;
            }
        }
    }

    /// <summary>Queues <paramref name="item"/>; false when the queue is full or completed.</summary>
    public bool TryEnqueue(T item)
    {
        lock (gate)
        {
            if (completed || items.Count >= capacity)
            {
                return false;
            }

            items.Enqueue(item);
            activity.Begin();
            StartLocked();
            return true;
        }
    }

    /// <summary>Starts handling (the items held so far first); <paramref name="cancellationToken"/> cancels the work.</summary>
    public void Open(CancellationToken cancellationToken)
    {
        lock (gate)
        {
            token = cancellationToken;
            open = true;
            StartLocked();
        }
    }

    /// <summary>Removes the waiting items <paramref name="expired"/> says to (held too long); returns them, oldest first.</summary>
    public List<T> RemoveWhere(Func<T, bool> expired)
    {
        var removed = new List<T>();
        lock (gate)
        {
            var count = items.Count;
            for (var i = 0; i < count; i++)
            {
                var item = items.Dequeue();
                if (expired(item))
                {
                    removed.Add(item);
                }
                else
                {
                    items.Enqueue(item);
                }
            }
        }

        foreach (var _ in removed)
        {
            activity.End();
        }

        return removed;
    }

    /// <summary>Takes no more items; the waiting ones are handled when open (dropped when not); completes when done.</summary>
    public Task CompleteAsync()
    {
        var dropped = 0;
        Task current;
        lock (gate)
        {
            completed = true;
            if (!open)
            {
                dropped = items.Count;
                items.Clear();
            }

            current = drain;
        }

        for (var i = 0; i < dropped; i++)
        {
            activity.End();
        }

        return current;
    }

    private void StartLocked()
    {
        if (open && !running && items.Count > 0)
        {
            running = true;
            drain = Task.Run(DrainAsync, CancellationToken.None);
        }
    }

    private async Task DrainAsync()
    {
        while (true)
        {
            T item;
            lock (gate)
            {
                if (!items.TryDequeue(out item!))
                {
                    running = false;
                    return;
                }
            }

            try
            {
                await work(item, token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (token.IsCancellationRequested)
            {
                // stopping: what is still waiting is dropped below
            }
            catch (Exception)
            {
                // The work logs its own failures; a queue never dies of one.
            }
            finally
            {
                activity.End();
            }

            if (token.IsCancellationRequested)
            {
                Abandon();
                return;
            }
        }
    }

    private void Abandon()
    {
        int dropped;
        lock (gate)
        {
            dropped = items.Count;
            items.Clear();
            running = false;
            completed = true;
        }

        for (var i = 0; i < dropped; i++)
        {
            activity.End();
        }
    }
}
