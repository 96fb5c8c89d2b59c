using System.Text;

namespace MqttKube.Expressions.Formatting;

internal static partial class PyFormat
{
    /// <summary>
    /// Lays out a number as CPython's fill_number: sign and prefix, grouped digits (zero-padded to the width when the
    /// fill is '0' with '=' alignment), then the remainder; then fill and alignment.
    /// </summary>
    private static string Number(string signAndPrefix, string digits, string remainder, FormatSpec spec, int groupSize)
    {
        if (spec.Width > MaxWidth)
        {
            throw PyException.Limit("format width too large");
        }

        var separator = spec.Grouping == '\0' || groupSize == 0 ? (char?)null : spec.Grouping;
        var minWidth = spec.Fill == '0' && spec.Align == '=' && groupSize > 0
            ? spec.Width - (signAndPrefix.Length + remainder.Length)
            : 0;
        var grouped = groupSize == 0 ? digits : Group(digits, minWidth, separator, groupSize);
        var body = grouped + remainder;
        var padding = spec.Width - (signAndPrefix.Length + body.Length);
        if (padding <= 0)
        {
            return signAndPrefix + body;
        }

        return spec.Align switch
        {
            '<' => signAndPrefix + body + new string(spec.Fill, padding),
            '^' => new string(spec.Fill, padding / 2) + signAndPrefix + body + new string(spec.Fill, padding - (padding / 2)),
            '=' => signAndPrefix + new string(spec.Fill, padding) + body,
            _ => new string(spec.Fill, padding) + signAndPrefix + body,
        };
    }

    /// <summary>Pads non-numeric text (length in code points) for str and 'c'.</summary>
    private static string Pad(string prefix, string text, int length, FormatSpec spec)
    {
        if (spec.Width > MaxWidth)
        {
            throw PyException.Limit("format width too large");
        }

        var padding = spec.Width - length - prefix.Length;
        if (padding <= 0)
        {
            return prefix + text;
        }

        return spec.Align switch
        {
            '>' => new string(spec.Fill, padding) + prefix + text,
            '^' => new string(spec.Fill, padding / 2) + prefix + text + new string(spec.Fill, padding - (padding / 2)),
            '=' => prefix + new string(spec.Fill, padding) + text,
            _ => prefix + text + new string(spec.Fill, padding),
        };
    }

    /// <summary>CPython's _PyUnicode_InsertThousandsGrouping: groups from the right, zero-filling to minWidth.</summary>
    private static string Group(string digits, int minWidth, char? separator, int groupSize)
    {
        if (separator is null)
        {
            return digits.Length >= minWidth ? digits : new string('0', minWidth - digits.Length) + digits;
        }

        var chunks = new List<string>();
        var remaining = digits.Length;
        var pos = digits.Length;
        var useSeparator = false;
        while (true)
        {
            var l = Math.Min(groupSize, Math.Max(Math.Max(remaining, minWidth), 1));
            var zeros = Math.Max(0, l - remaining);
            var chars = Math.Max(0, Math.Min(remaining, l));
            var chunk = new StringBuilder().Append('0', zeros).Append(digits, pos - chars, chars);
            if (useSeparator)
            {
                chunk.Append(separator.Value);
            }

            chunks.Add(chunk.ToString());
            pos -= chars;
            useSeparator = true;
            remaining -= chars;
            minWidth -= groupSize;
            if (remaining <= 0 && minWidth <= 0)
            {
                break;
            }

            minWidth--;
        }

        chunks.Reverse();
        return string.Concat(chunks);
    }
}
