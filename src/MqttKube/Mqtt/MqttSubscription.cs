namespace MqttKube.Mqtt;

/// <summary>One handler's subscription to a filter; disposing it removes the handler.</summary>
internal sealed class MqttSubscription(Action remove, Task acknowledged) : IDisposable
{
    private int disposed;

    /// <summary>
    /// Completes once the broker has acknowledged a filter that was new while connected (at once otherwise: the filter
    /// is subscribed with the others on the next connect). Never faults.
    /// </summary>
    public Task Acknowledged { get; } = acknowledged;

    public void Dispose()
    {
        if (Interlocked.Exchange(ref disposed, 1) == 0)
        {
            remove();
        }
    }
}
