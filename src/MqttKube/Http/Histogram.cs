namespace MqttKube.Http;

/// <summary>
/// A histogram of durations with fixed bucket bounds: lock-free and allocation-free on <see cref="Observe"/>.
/// Counts are kept per bucket and made cumulative when rendered, so the <c>+Inf</c> bucket always equals the count.
/// </summary>
internal sealed class Histogram
{
    private readonly long[] boundTicks;
    private readonly long[] counts; // one per bound, then one for +Inf (not cumulative)
    private long sumTicks;

    /// <param name="bounds">Upper bounds of the buckets in seconds, strictly increasing, finite, not negative.</param>
    public Histogram(IReadOnlyList<double> bounds)
    {
        ArgumentNullException.ThrowIfNull(bounds);
        Bounds = [.. bounds];
        boundTicks = new long[Bounds.Length];
        for (var i = 0; i < Bounds.Length; i++)
        {
            var bound = Bounds[i];
            if (!double.IsFinite(bound) || bound < 0 || (i > 0 && bound <= Bounds[i - 1]))
            {
                throw new ArgumentException("bucket bounds must be finite, not negative and strictly increasing", nameof(bounds));
            }

            boundTicks[i] = (long)Math.Round(bound * TimeSpan.TicksPerSecond);
        }

        counts = new long[Bounds.Length + 1];
    }

    /// <summary>The upper bounds of the buckets in seconds (without <c>+Inf</c>).</summary>
    public double[] Bounds { get; }

    /// <summary>The number of observations so far.</summary>
    public long Count
    {
        get
        {
            long total = 0;
            for (var i = 0; i < counts.Length; i++)
            {
                total += Interlocked.Read(ref counts[i]);
            }

            return total;
        }
    }

    /// <summary>The sum of the observations in seconds.</summary>
    public double SumSeconds => (double)Interlocked.Read(ref sumTicks) / TimeSpan.TicksPerSecond;

    /// <summary>Records one duration (a negative one counts as zero).</summary>
    public void Observe(TimeSpan duration)
    {
        var ticks = Math.Max(0, duration.Ticks);
        var bucket = 0;
        while (bucket < boundTicks.Length && ticks > boundTicks[bucket])
        {
            bucket++;
        }

        Interlocked.Increment(ref counts[bucket]);
        Interlocked.Add(ref sumTicks, ticks);
    }

    /// <summary>Cumulative counts: element i counts observations ≤ <c>Bounds[i]</c>; the last element is <c>+Inf</c>.</summary>
    public long[] CumulativeCounts()
    {
        var result = new long[counts.Length];
        long running = 0;
        for (var i = 0; i < counts.Length; i++)
        {
            running += Interlocked.Read(ref counts[i]);
            result[i] = running;
        }

        return result;
    }
}
