namespace MqttKube.Configuration;

/// <summary>Collects every problem instead of stopping at the first (STYLE.md, YARP validators).</summary>
internal sealed class DiagnosticBag
{
    /// <summary>Past this many, further problems are counted but not kept (a 10 MB file of garbage).</summary>
    public const int Limit = 200;

    private readonly List<ConfigDiagnostic> items = [];

    public IReadOnlyList<ConfigDiagnostic> Items => items;

    public int Dropped { get; private set; }

    public bool HasErrors => items.Count > 0;

    public void Add(string file, SourcePosition position, string message)
    {
        if (items.Count >= Limit)
        {
            Dropped++;
            return;
        }

        var diagnostic = new ConfigDiagnostic(file, position, message);
        if (!items.Contains(diagnostic))
        {
            items.Add(diagnostic);
        }
    }

    /// <summary>Adds every problem <paramref name="other"/> holds (and counts the ones it dropped).</summary>
    public void AddFrom(DiagnosticBag other)
    {
        foreach (var item in other.items)
        {
            Add(item.File, item.Position, item.Message);
        }

        Dropped += other.Dropped;
    }

    /// <summary>The diagnostics in file order.</summary>
    public IEnumerable<ConfigDiagnostic> Sorted() =>
        items.OrderBy(d => d.File, StringComparer.Ordinal).ThenBy(d => d.Position.Line).ThenBy(d => d.Position.Column);
}
