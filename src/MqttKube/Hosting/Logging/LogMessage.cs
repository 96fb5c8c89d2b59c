using System.Globalization;
using System.Text;

namespace MqttKube.Hosting.Logging;

/// <summary>
/// The text of one log message with every argument cut to <see cref="LogText.MaxValueLength"/>: a
/// <c>[LoggerMessage]</c> state carries its template (<c>{OriginalFormat}</c>) and its arguments, so a message whose
/// arguments are too long is rendered again from them, each cut. No call site has to remember to cut a payload.
/// </summary>
internal static class LogMessage
{
    private const string TemplateKey = "{OriginalFormat}";

    /// <summary>The message to log: <paramref name="formatted"/> unless an argument in <paramref name="values"/> is too long.</summary>
    public static string Of(IReadOnlyList<KeyValuePair<string, object?>>? values, string formatted)
    {
        if (formatted.Length <= LogText.MaxValueLength || values is null)
        {
            return LogText.Cap(formatted, 16 * LogText.MaxValueLength);
        }

        string? template = null;
        var tooLong = false;
        foreach (var (key, value) in values)
        {
            if (key == TemplateKey)
            {
                template = value as string;
            }
            else if (value is string { Length: > LogText.MaxValueLength })
            {
                tooLong = true;
            }
        }

        return template is not null && tooLong
            ? Render(template, values)
            : LogText.Cap(formatted, 16 * LogText.MaxValueLength);
    }

    /// <summary>Renders a message template (<c>{Name}</c>, <c>{Name:format}</c>, <c>{{</c>, <c>}}</c>) with cut arguments.</summary>
    internal static string Render(string template, IReadOnlyList<KeyValuePair<string, object?>> values)
    {
        var sb = new StringBuilder(template.Length + 256);
        for (var i = 0; i < template.Length; i++)
        {
            var c = template[i];
            if ((c == '{' || c == '}') && i + 1 < template.Length && template[i + 1] == c)
            {
                sb.Append(c);
                i++;
                continue;
            }

            var close = c == '{' ? template.IndexOf('}', i + 1) : -1;
            if (close < 0)
            {
                sb.Append(c);
                continue;
            }

            var hole = template.AsSpan(i + 1, close - i - 1);
            var colon = hole.IndexOf(':');
            var name = (colon < 0 ? hole : hole[..colon]).ToString();
            var comma = name.IndexOf(',', StringComparison.Ordinal);
            name = comma < 0 ? name : name[..comma];
            var format = colon < 0 ? null : hole[(colon + 1)..].ToString();
            sb.Append(LogText.Cap(Format(Find(values, name), format)));
            i = close;
        }

        return sb.ToString();
    }

    private static object? Find(IReadOnlyList<KeyValuePair<string, object?>> values, string name)
    {
        foreach (var (key, value) in values)
        {
            if (string.Equals(key, name, StringComparison.OrdinalIgnoreCase))
            {
                return value;
            }
        }

        return null;
    }

    private static string Format(object? value, string? format) => value switch
    {
        null => "(null)",
        IFormattable formattable => formattable.ToString(format, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };
}
