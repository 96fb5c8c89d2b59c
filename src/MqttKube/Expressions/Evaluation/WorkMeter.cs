namespace MqttKube.Expressions;

/// <summary>
/// The work budget of one evaluation. Every operator, builtin, method, comparison, hash, iteration, repr and format
/// charges the thread's current meter for the work it does, before doing it; evaluation is synchronous, so
/// <see cref="Expression"/> (and <see cref="Formatting.PyFormat"/> for value-map outputs) makes a meter current for
/// the run, or joins the one of the unit of work it belongs to (<see cref="Join"/>), and restores the previous one
/// after. Outside any run (values built from JSON, a result printed) the charges are not counted: those values are
/// bounded by the input limits and by <see cref="ResultSize"/>.
/// </summary>
/// <remarks>
/// A unit is about one byte allocated or a nanosecond of work, so one budget bounds both: a character produced or
/// copied costs <see cref="CharCost"/> (it usually lives in a builder, then in its string), a character compared,
/// hashed or searched <see cref="ScanCost"/>, an item visited or copied <see cref="ItemCost"/>, a new value
/// <see cref="ValueCost"/>, a tree node evaluated <see cref="NodeCost"/>, a 64-bit word of big-integer arithmetic
/// <see cref="WordCost"/>. The numbers were measured with <c>make bench</c>'s hostile section (the most
/// expensive expressions found, each stopped by this budget): see tests/MqttKube.Benchmarks/NOTES.md.
/// </remarks>
internal sealed class WorkMeter
{
    public const int CharCost = 4;
    public const int ScanCost = 1;
    public const int ItemCost = 8;
    public const int ValueCost = 48;
    public const int NodeCost = 128;
    public const int WordCost = 8;

    [ThreadStatic]
    private static WorkMeter? current;

    // The meter Join reuses on this thread (it is only ever current at the top of a unit of work): no allocation.
    [ThreadStatic]
    private static WorkMeter? spare;

    private long limit;
    private long used;

    public WorkMeter(long limit) => this.limit = limit;

    /// <summary>The meter of the evaluation running on this thread, or null.</summary>
    public static WorkMeter? Current => current;

    /// <summary>True once the budget is spent: whatever runs next under this meter fails at once.</summary>
    public bool Exhausted => used >= limit;

    /// <summary>
    /// Joins the current meter, or makes a fresh one of <paramref name="limit"/> units current: the evaluations of one
    /// unit of work (a value map's transform, matchers and output for one value) share one budget, so adding more of
    /// them to a config does not multiply what one value may cost.
    /// </summary>
    public static Scope Join(long limit)
    {
        if (current is not null)
        {
            return default;
        }

        var meter = spare ??= new WorkMeter(limit);
        meter.limit = limit;
        meter.used = 0;
        return meter.Enter();
    }

    /// <summary>Makes this meter the thread's current one until the returned scope is disposed.</summary>
    public Scope Enter()
    {
        var previous = current;
        current = this;
        return new Scope(previous, true);
    }

    /// <summary>Spends what is left (work that ran into a time limit, such as a regex that timed out).</summary>
    public void Exhaust() => used = limit;

    /// <summary>Spends <paramref name="count"/> times <paramref name="cost"/> units, or throws LimitExceeded.</summary>
    public void Spend(long count, int cost)
    {
        if (count < 0 || count > (limit - used) / cost)
        {
            used = limit;
            throw PyException.Limit("evaluation budget exceeded (" + limit.ToString("N0", System.Globalization.CultureInfo.InvariantCulture) + " work units)");
        }

        used += count * cost;
    }

    // Charges to the current meter, if any, by kind of work.
    public static void Nodes(long count) => current?.Spend(count, NodeCost);

    public static void Chars(long count) => current?.Spend(count, CharCost);

    public static void Scanned(long count) => current?.Spend(count, ScanCost);

    public static void Items(long count) => current?.Spend(count, ItemCost);

    public static void Values(long count) => current?.Spend(count, ValueCost);

    public static void Words(long count) => current?.Spend(count, WordCost);

    /// <summary>Restores the meter that was current before <see cref="Enter"/> (nothing for a joined meter).</summary>
    public readonly struct Scope(WorkMeter? previous, bool entered) : IDisposable
    {
        public void Dispose()
        {
            if (entered)
            {
                current = previous;
            }
        }
    }
}
