using System.Text;

namespace MqttKube.Benchmarks.Report;

/// <summary>A markdown table of measures, each with its target and whether it was met.</summary>
internal sealed class ResultTable(string title, params string[] columns)
{
    private readonly List<string[]> rows = [];

    public string Title { get; } = title;

    /// <summary>Adds a row; <paramref name="met"/> null when the measure has no target.</summary>
    public void Add(bool? met, params string[] cells) =>
        rows.Add([.. cells, met switch { true => "✅ met", false => "❌ missed", null => "" }]);

    public string ToMarkdown()
    {
        var text = new StringBuilder();
        text.Append("### ").AppendLine(Title).AppendLine();
        text.Append("| ").AppendJoin(" | ", columns).AppendLine(" | |");
        text.Append('|').Append(string.Concat(Enumerable.Repeat("---|", columns.Length + 1))).AppendLine();
        foreach (var row in rows)
        {
            text.Append("| ").AppendJoin(" | ", row).AppendLine(" |");
        }

        return text.ToString();
    }
}
