using System.Globalization;
using System.Text;

namespace MqttKube.Rbac;

/// <summary>Scalars for hand-written YAML: plain when that cannot be read as anything but the same string.</summary>
internal static class YamlQuote
{
    /// <summary>Words that YAML 1.1 (what many Kubernetes tools still use) or 1.2 reads as booleans or null.</summary>
    private static readonly HashSet<string> Reserved = new(StringComparer.OrdinalIgnoreCase)
    {
        "y", "n", "yes", "no", "on", "off", "true", "false", "null",
    };

    /// <summary>Plain when it starts with a letter, holds only letters, digits and <c>.-_/</c> and is not reserved; else double-quoted.</summary>
    public static string Scalar(string text) =>
        text.Length > 0 && char.IsAsciiLetter(text[0]) && !Reserved.Contains(text)
        && text.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_' or '/')
            ? text
            : Quoted(text);

    /// <summary>A double-quoted scalar (JSON-compatible escapes).</summary>
    public static string Quoted(string text)
    {
        var builder = new StringBuilder(text.Length + 2).Append('"');
        foreach (var c in text)
        {
            _ = c switch
            {
                '"' => builder.Append("\\\""),
                '\\' => builder.Append("\\\\"),
                '\n' => builder.Append("\\n"),
                '\t' => builder.Append("\\t"),
                _ when char.IsControl(c) || c is '\u2028' or '\u2029' => builder.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture)),
                _ => builder.Append(c),
            };
        }

        return builder.Append('"').ToString();
    }

    /// <summary>A flow sequence of double-quoted strings: <c>["get", "list"]</c>.</summary>
    public static string FlowList(IEnumerable<string> items) => "[" + string.Join(", ", items.Select(Quoted)) + "]";

    /// <summary>Text safe inside a <c>#</c> comment: one line, no control characters.</summary>
    public static string Comment(string text) =>
        new([.. text.Select(c => char.IsControl(c) || c is '\u2028' or '\u2029' ? '?' : c)]);
}
