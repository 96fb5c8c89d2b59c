namespace MqttKube.Http;

/// <summary>A monotonic counter: lock-free, allocation-free on increment.</summary>
internal sealed class Counter
{
    private long _value;

    /// <summary>The current value.</summary>
    public long Value => Interlocked.Read(ref _value);

    /// <summary>Adds one.</summary>
    public void Increment() => Interlocked.Increment(ref _value);

    /// <summary>Adds <paramref name="amount"/> (zero or more: a counter never goes down).</summary>
    public void Add(long amount)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(amount);
        Interlocked.Add(ref _value, amount);
    }
}
