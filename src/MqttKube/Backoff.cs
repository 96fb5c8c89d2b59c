namespace MqttKube;

/// <summary>
/// Exponential back-off with ±20 % jitter: initial, doubling, capped. Used by every retry loop of the service (MQTT
/// reconnects, watches, bindings that cannot start, conflicting patches).
/// </summary>
internal sealed class Backoff
{
    private readonly TimeSpan initial;
    private readonly TimeSpan max;
    private readonly Random random;
    private TimeSpan next;

    /// <param name="initial">The first delay.</param>
    /// <param name="max">The cap of the doubling.</param>
    /// <param name="random">The jitter's source (tests pass a seeded one).</param>
    public Backoff(TimeSpan initial, TimeSpan max, Random? random = null)
    {
        this.initial = initial;
        this.max = max;
        this.random = random ?? Random.Shared;
        next = initial;
    }

    /// <summary>The delay before the next attempt: the current step ±20 %; the step then doubles up to the cap.</summary>
    public TimeSpan Next()
    {
        var current = next;
        next = TimeSpan.FromTicks(Math.Min(max.Ticks, current.Ticks * 2));
        return current * (0.8 + (random.NextDouble() * 0.4));
    }

    public void Reset() => next = initial;
}
