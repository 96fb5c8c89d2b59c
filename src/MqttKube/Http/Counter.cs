namespace MqttKube.Http;

/// <summary>A monotonic counter: lock-free, allocation-free on increment.</summary>
internal sealed class Counter
{
    private long value;

    /// <summary>The current value.</summary>
    public long Value => Interlocked.Read(ref value);

    /// <summary>Adds one.</summary>
    public void Increment() => Interlocked.Increment(ref value);

    /// <summary>Adds <paramref name="amount"/> (zero or more: a counter never goes down).</summary>
    public void Add(long amount)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(amount);
        Interlocked.Add(ref value, amount);
    }
}
