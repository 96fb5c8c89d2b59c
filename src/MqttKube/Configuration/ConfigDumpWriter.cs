using System.Globalization;
using System.Text;

namespace MqttKube.Configuration;

/// <summary>
/// Writes the effective config (defaults included) as indented YAML-like text: used by
/// <c>mqtt-kube check --dump</c> and by the config snapshot tests.
/// </summary>
internal sealed class ConfigDumpWriter
{
    private readonly StringBuilder text = new();
    private int indent;

    public void Scalar(string key, string? value) => Line($"{key}: {Quote(value)}");

    public void Scalar(string key, long? value) => Line($"{key}: {(value is null ? "~" : value.Value.ToString(CultureInfo.InvariantCulture))}");

    public void Scalar(string key, double? value) => Line($"{key}: {(value is null ? "~" : value.Value.ToString("R", CultureInfo.InvariantCulture))}");

    public void Scalar(string key, bool? value) => Line($"{key}: {(value is null ? "~" : value.Value ? "true" : "false")}");

    /// <summary>A nested section; <paramref name="body"/> writes its keys one level deeper.</summary>
    public void Section(string key, Action<ConfigDumpWriter>? body)
    {
        if (body is null)
        {
            Line($"{key}: ~");
            return;
        }

        Line($"{key}:");
        indent++;
        body(this);
        indent--;
    }

    /// <summary>A hand-bound value: on the key's line when it is one line, else nested.</summary>
    public void Value(string key, Action<ConfigDumpWriter>? body)
    {
        if (body is null)
        {
            Line($"{key}: ~");
            return;
        }

        var inner = new ConfigDumpWriter();
        body(inner);
        var lines = inner.ToString().TrimEnd('\n').Split('\n');
        if (lines.Length == 1)
        {
            Line($"{key}: {lines[0]}");
            return;
        }

        Line($"{key}:");
        indent++;
        foreach (var line in lines)
        {
            Line(line);
        }

        indent--;
    }

    public void List<T>(string key, IReadOnlyList<T> items, Action<ConfigDumpWriter, T> item)
    {
        if (items.Count == 0)
        {
            Line($"{key}: []");
            return;
        }

        Line($"{key}:");
        indent++;
        for (var i = 0; i < items.Count; i++)
        {
            Line($"- #{i}");
            indent++;
            item(this, items[i]);
            indent--;
        }

        indent--;
    }

    public void Line(string line) => text.Append(' ', indent * 2).Append(line).Append('\n');

    public override string ToString() => text.ToString();

    /// <summary>Strings are always quoted, so <c>"1"</c> and <c>1</c> stay apart in a dump.</summary>
    public static string Quote(string? value)
    {
        if (value is null)
        {
            return "~";
        }

        var sb = new StringBuilder("\"");
        foreach (var c in value)
        {
            sb.Append(c switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                '\n' => "\\n",
                '\t' => "\\t",
                '\r' => "\\r",
                _ when c < ' ' => $"\\x{(int)c:x2}",
                _ => c.ToString(),
            });
        }

        return sb.Append('"').ToString();
    }
}
