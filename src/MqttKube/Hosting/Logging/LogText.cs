using System.Globalization;
using System.Text;

namespace MqttKube.Hosting.Logging;

/// <summary>
/// Makes untrusted text (payloads, topics, request lines, API messages) safe for one log line: every control or
/// line-breaking character is escaped, so nothing can start a second line, move the cursor or recolour a terminal,
/// and a long value is cut, the cut marked with the original length. Used by every log line, text and JSON alike.
/// </summary>
internal static class LogText
{
    /// <summary>The most characters one logged value (a payload, a request line, an error message) keeps.</summary>
    public const int MaxValueLength = 1024;

    /// <summary>
    /// <c>\r</c>, <c>\n</c> and <c>\t</c> as such; other C0 controls, DEL, C1 controls, U+2028/U+2029, the bidirectional
    /// controls (which reorder what a terminal shows) and lone surrogates as <c>\u00XX</c>. Backslashes stay as they are.
    /// </summary>
    public static string Escape(string text)
    {
        var first = IndexOfUnsafe(text);
        if (first < 0)
        {
            return text;
        }

        var sb = new StringBuilder(text.Length + 16);
        sb.Append(text, 0, first);
        for (var i = first; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                sb.Append(c).Append(text[++i]);
                continue;
            }

            if (!NeedsEscape(c))
            {
                sb.Append(c);
                continue;
            }

            _ = c switch
            {
                '\n' => sb.Append("\\n"),
                '\r' => sb.Append("\\r"),
                '\t' => sb.Append("\\t"),
                _ => sb.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture)),
            };
        }

        return sb.ToString();
    }

    /// <summary>
    /// <paramref name="text"/> when it is at most <paramref name="max"/> characters long, else its start followed by
    /// <c>…[N characters]</c> (N the original length). A surrogate pair is never split.
    /// </summary>
    public static string Cap(string text, int max = MaxValueLength)
    {
        if (text.Length <= max)
        {
            return text;
        }

        var keep = max > 0 && char.IsHighSurrogate(text[max - 1]) ? max - 1 : max;
        return string.Concat(text.AsSpan(0, keep), $"…[{text.Length} characters]");
    }

    /// <summary>Cut, then escaped: what a logged value looks like.</summary>
    public static string Safe(string text, int max = MaxValueLength) => Escape(Cap(text, max));

    private static int IndexOfUnsafe(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (NeedsEscape(c))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>Whether a character (not part of a surrogate pair) must not appear as it is in a log line.</summary>
    private static bool NeedsEscape(char c) => c switch
    {
        < ' ' => true,                                   // C0
        >= '\u007f' and <= '\u009f' => true,             // DEL, C1
        '\u2028' or '\u2029' => true,                    // line and paragraph separators
        '\u061c' or '\u200e' or '\u200f' => true,        // bidi marks
        >= '\u202a' and <= '\u202e' => true,             // bidi embeddings and overrides
        >= '\u2066' and <= '\u2069' => true,             // bidi isolates
        _ => char.IsSurrogate(c),                        // a lone surrogate
    };
}
