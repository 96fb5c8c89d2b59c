using System.Globalization;
using System.Text;

namespace MqttKube.Configuration;

/// <summary>
/// Writes the effective config (defaults included) as config YAML that reads back as the same config: used by
/// <c>mqtt-kube check --dump</c> (to copy out and edit) and by the config snapshot tests. Strings are always quoted,
/// so none is read back as a number, a boolean or null.
/// </summary>
internal sealed class ConfigDumpWriter
{
    private readonly StringBuilder text = new();
    private int indent;

    public void Scalar(string key, string? value) => KeyLine(key, value is null ? null : Quote(value));

    public void Scalar(string key, long? value) => KeyLine(key, value?.ToString(CultureInfo.InvariantCulture));

    public void Scalar(string key, double? value) => KeyLine(key, value is null ? null : Yaml.YamlText.FormatFloat(value.Value));

    public void Scalar(string key, bool? value) => KeyLine(key, value is null ? null : value.Value ? "true" : "false");

    /// <summary>
    /// <c>key: text</c>; a key without a value is shown commented out (<c># key: ~</c>): written as <c>~</c> some
    /// keys would be refused (a key of the other auth type, a section that must be a mapping), and left out it
    /// means the same.
    /// </summary>
    private void KeyLine(string key, string? text) => Line(text is null ? $"# {key}: ~" : $"{key}: {text}");

    /// <summary>A nested section; <paramref name="body"/> writes its keys one level deeper.</summary>
    public void Section(string key, Action<ConfigDumpWriter>? body)
    {
        if (body is null)
        {
            KeyLine(key, null);
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
            KeyLine(key, null);
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

    /// <summary>A list of strings, one <c>- "item"</c> a line; an empty one commented out, as a key without a value.</summary>
    public void Strings(string key, IReadOnlyList<string> items)
    {
        if (items.Count == 0)
        {
            Line($"# {key}: []");
            return;
        }

        Line($"{key}:");
        indent++;
        foreach (var item in items)
        {
            Line($"- {Quote(item)}");
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
