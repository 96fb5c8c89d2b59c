namespace MqttKube.Http;

/// <summary>
/// A histogram of durations with fixed bucket bounds: lock-free and allocation-free on <see cref="Observe"/>.
/// Counts are kept per bucket and made cumulative when rendered, so the <c>+Inf</c> bucket always equals the count.
/// </summary>
internal sealed class Histogram
{
    private readonly long[] _boundTicks;
    private readonly long[] _counts; // one per bound, then one for +Inf (not cumulative)
    private long _sumTicks;

    /// <param name="bounds">Upper bounds of the buckets in seconds, strictly increasing, finite, not negative.</param>
    public Histogram(IReadOnlyList<double> bounds)
    {
        ArgumentNullException.ThrowIfNull(bounds);
        Bounds = [.. bounds];
        _boundTicks = new long[Bounds.Length];
        for (var i = 0; i < Bounds.Length; i++)
        {
            var bound = Bounds[i];
            if (!double.IsFinite(bound) || bound < 0 || (i > 0 && bound <= Bounds[i - 1]))
            {
                throw new ArgumentException("bucket bounds must be finite, not negative and strictly increasing", nameof(bounds));
            }

            _boundTicks[i] = (long)Math.Round(bound * TimeSpan.TicksPerSecond);
        }

        _counts = new long[Bounds.Length + 1];
    }

    /// <summary>The upper bounds of the buckets in seconds (without <c>+Inf</c>).</summary>
    public double[] Bounds { get; }

    /// <summary>The number of observations so far.</summary>
    public long Count
    {
        get
        {
            long total = 0;
            for (var i = 0; i < _counts.Length; i++)
            {
                total += Interlocked.Read(ref _counts[i]);
            }

            return total;
        }
    }

    /// <summary>The sum of the observations in seconds.</summary>
    public double SumSeconds => (double)Interlocked.Read(ref _sumTicks) / TimeSpan.TicksPerSecond;

    /// <summary>Records one duration (a negative one counts as zero).</summary>
    public void Observe(TimeSpan duration)
    {
        var ticks = Math.Max(0, duration.Ticks);
        var bucket = 0;
        while (bucket < _boundTicks.Length && ticks > _boundTicks[bucket])
        {
            bucket++;
        }

        Interlocked.Increment(ref _counts[bucket]);
        Interlocked.Add(ref _sumTicks, ticks);
    }

    /// <summary>Cumulative counts: element i counts observations ≤ <c>Bounds[i]</c>; the last element is <c>+Inf</c>.</summary>
    public long[] CumulativeCounts()
    {
        var result = new long[_counts.Length];
        long running = 0;
        for (var i = 0; i < _counts.Length; i++)
        {
            running += Interlocked.Read(ref _counts[i]);
            result[i] = running;
        }

        return result;
    }
}
