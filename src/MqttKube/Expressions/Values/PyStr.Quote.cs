using System.Globalization;
using System.Text;

namespace MqttKube.Expressions;

/// <summary>The repr of a str, as CPython writes it.</summary>
internal sealed partial class PyStr
{
    // Printable ASCII that a repr copies as it is (quotes and backslash need a look).
    private static readonly System.Buffers.SearchValues<char> PlainAscii =
        System.Buffers.SearchValues.Create(" !#$%&()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[]^_`abcdefghijklmnopqrstuvwxyz{|}~");

    /// <summary>CPython's str repr (see <see cref="Quote(TextBuilder, string)"/>).</summary>
    public static string Quote(string value)
    {
        var writer = new TextBuilder();
        Quote(writer, value);
        return writer.ToString();
    }

    /// <summary>CPython's str repr: single quotes unless the text has ' and no ", escapes for the unprintable.</summary>
    public static void Quote(TextBuilder writer, string value)
    {
        var quote = value.Contains('\'') && !value.Contains('"') ? '"' : '\'';
        writer.Append(quote);
        var plain = 0;
        var i = 0;
        while (i < value.Length && !writer.Full)
        {
            var run = value.AsSpan(i).IndexOfAnyExcept(PlainAscii);
            i = run < 0 ? value.Length : i + run;
            if (i == value.Length)
            {
                break;
            }

            // A lone surrogate is a code point of its own (category Cs, escaped), as in CPython.
            var valid = Rune.DecodeFromUtf16(value.AsSpan(i), out var rune, out var length) == System.Buffers.OperationStatus.Done;
            var c = valid ? rune.Value : value[i];
            length = valid ? length : 1;
            if (!valid || c is '\\' or '\n' or '\r' or '\t' || c == quote || !IsPrintable(rune))
            {
                writer.Append(value.AsSpan(plain, i - plain));
                WorkMeter.Chars(4);
                Escape(writer, c, quote);
                plain = i + length;
            }

            i += length;
        }

        writer.Append(value.AsSpan(plain, i - plain)).Append(quote);
    }

    /// <summary>Appends the escape of code point <paramref name="c"/> (written straight into the text).</summary>
    private static void Escape(TextBuilder writer, int c, char quote)
    {
        switch (c)
        {
            case '\\': writer.Append("\\\\"); return;
            case '\n': writer.Append("\\n"); return;
            case '\r': writer.Append("\\r"); return;
            case '\t': writer.Append("\\t"); return;
        }

        if (c == quote)
        {
            writer.Append('\\').Append(quote);
            return;
        }

        var (letter, digits) = c < 0x100 ? ('x', 2) : c < 0x10000 ? ('u', 4) : ('U', 8);
        Span<char> escape = stackalloc char[10];
        escape[0] = '\\';
        escape[1] = letter;
        for (var d = 0; d < digits; d++)
        {
            escape[1 + digits - d] = "0123456789abcdef"[(c >> (4 * d)) & 0xF];
        }

        writer.Append(escape[..(2 + digits)]);
    }

    private static bool IsPrintable(Rune rune)
    {
        if (rune.Value == ' ')
        {
            return true;
        }

        return Rune.GetUnicodeCategory(rune) switch
        {
            UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.Surrogate
                or UnicodeCategory.PrivateUse or UnicodeCategory.OtherNotAssigned
                or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator
                or UnicodeCategory.SpaceSeparator => false,
            _ => true,
        };
    }
}
