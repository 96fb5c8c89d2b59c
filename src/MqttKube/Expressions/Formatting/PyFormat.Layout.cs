namespace MqttKube.Expressions.Formatting;

internal static partial class PyFormat
{
    /// <summary>
    /// Lays out a number as CPython's fill_number: sign and prefix, grouped digits (zero-padded to the width when the
    /// fill is '0' with '=' alignment), then the remainder; then fill and alignment.
    /// </summary>
    private static string Number(string signAndPrefix, string digits, string remainder, FormatSpec spec, int groupSize)
    {
        CheckWidth(spec);
        var separator = spec.Grouping == '\0' || groupSize == 0 ? (char?)null : spec.Grouping;
        var minWidth = spec.Fill == '0' && spec.Align == '=' && groupSize > 0
            ? spec.Width - (signAndPrefix.Length + remainder.Length)
            : 0;
        var grouped = groupSize == 0 ? digits : Group(digits, minWidth, separator, groupSize);
        var length = signAndPrefix.Length + grouped.Length + remainder.Length;
        var padding = Math.Max(0, spec.Width - length);
        var text = new TextBuilder();
        var before = spec.Align switch { '<' or '=' => 0, '^' => padding / 2, _ => padding };
        text.Append(spec.Fill, before).Append(signAndPrefix);
        if (spec.Align == '=')
        {
            text.Append(spec.Fill, padding);
        }

        text.Append(grouped).Append(remainder);
        return text.Append(spec.Fill, spec.Align == '=' ? 0 : padding - before).ToString();
    }

    /// <summary>Pads non-numeric text (length in code points) for str and 'c'.</summary>
    private static string Pad(string prefix, string text, int length, FormatSpec spec)
    {
        CheckWidth(spec);
        var padding = Math.Max(0, spec.Width - length - prefix.Length);
        var before = spec.Align switch { '>' => padding, '^' => padding / 2, _ => 0 };
        var result = new TextBuilder().Append(spec.Fill, before).Append(prefix);
        if (spec.Align == '=')
        {
            result.Append(spec.Fill, padding);
        }

        return result.Append(text).Append(spec.Fill, spec.Align is '=' or '>' ? 0 : padding - before).ToString();
    }

    /// <summary>A width is a size: refused before anything is allocated when it passes the size cap.</summary>
    private static void CheckWidth(FormatSpec spec) => CheckWidth(spec.Width);

    private static void CheckWidth(long width)
    {
        if (width > PyOps.MaxLength)
        {
            throw PyException.Limit("format width too large (more than " + PyOps.MaxLength + ")");
        }
    }

    /// <summary>CPython's _PyUnicode_InsertThousandsGrouping: groups from the right, zero-filling to minWidth.</summary>
    private static string Group(string digits, int minWidth, char? separator, int groupSize)
    {
        if (separator is null)
        {
            return digits.Length >= minWidth ? digits : new TextBuilder().Append('0', minWidth - digits.Length).Append(digits).ToString();
        }

        // Two passes over the same walk: the first measures (and charges), the second writes from the right.
        var length = GroupWalk(digits, minWidth, groupSize, null, '\0');
        PyOps.ChargeChars(length);
        var buffer = new char[length];
        GroupWalk(digits, minWidth, groupSize, buffer, separator.Value);
        return new string(buffer);
    }

    private static int GroupWalk(string digits, int minWidth, int groupSize, char[]? buffer, char separator)
    {
        var remaining = digits.Length;
        var pos = digits.Length;
        var write = buffer?.Length ?? 0;
        var total = 0;
        var useSeparator = false;
        while (true)
        {
            var l = Math.Min(groupSize, Math.Max(Math.Max(remaining, minWidth), 1));
            var zeros = Math.Max(0, l - remaining);
            var chars = Math.Max(0, Math.Min(remaining, l));
            total += zeros + chars + (useSeparator ? 1 : 0);
            if (buffer is not null)
            {
                if (useSeparator)
                {
                    buffer[--write] = separator;
                }

                write -= chars;
                digits.CopyTo(pos - chars, buffer, write, chars);
                write -= zeros;
                buffer.AsSpan(write, zeros).Fill('0');
            }

            pos -= chars;
            useSeparator = true;
            remaining -= chars;
            minWidth -= groupSize;
            if (remaining <= 0 && minWidth <= 0)
            {
                return total;
            }

            minWidth--;
        }
    }
}
