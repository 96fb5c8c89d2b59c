using System.Threading.Channels;

namespace MqttKube.Bindings;

/// <summary>
/// Runs work items one at a time, in order, off the caller's thread: each association has one, so its commands keep
/// their order while different associations run side by side. Bounded; a full queue refuses new work.
/// </summary>
internal sealed class SerialQueue<T>
{
    private readonly Channel<T> channel;
    private readonly Func<T, CancellationToken, Task> work;
    private Task? runner;

    public SerialQueue(int capacity, Func<T, CancellationToken, Task> work)
    {
        channel = Channel.CreateBounded<T>(new BoundedChannelOptions(capacity) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });
        this.work = work;
    }

    /// <summary>The running loop; faulted only if the loop itself broke (work failures are the work's business).</summary>
    public Task? Runner => runner;

    public void Start(CancellationToken cancellationToken) => runner ??= Task.Run(() => RunAsync(cancellationToken), CancellationToken.None);

    public bool TryEnqueue(T item) => channel.Writer.TryWrite(item);

    /// <summary>Stops taking work and waits for what is queued to finish.</summary>
    public Task CompleteAsync()
    {
        channel.Writer.TryComplete();
        return runner ?? Task.CompletedTask;
    }

    private async Task RunAsync(CancellationToken cancellationToken)
    {
        await foreach (var item in channel.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
        {
            await work(item, cancellationToken).ConfigureAwait(false);
        }
    }
}
