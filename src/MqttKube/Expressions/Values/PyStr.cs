using System.Globalization;
using System.Text;

namespace MqttKube.Expressions;

/// <summary>A Python str. Lengths and indexes count code points, as CPython does, even with surrogate pairs.</summary>
internal sealed class PyStr : PyValue
{
    public static readonly PyStr Empty = new(string.Empty);

    // One-character strings below U+0100 are shared, as in CPython: iterating a string allocates nothing for them.
    private static readonly PyStr[] Latin1 = CreateLatin1();

    // Printable ASCII that a repr copies as it is (quotes and backslash need a look).
    private static readonly System.Buffers.SearchValues<char> PlainAscii =
        System.Buffers.SearchValues.Create(" !#$%&()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[]^_`abcdefghijklmnopqrstuvwxyz{|}~");

    private int[]? offsets; // with surrogates: the UTF-16 index of each code point, then the text's length
    private int state; // 0 unknown, 1 no surrogates, 2 surrogates
    private int hash; // 0 until computed (a computed 0 is stored as 1): one field, so threads see it whole

    public PyStr(string value) => Value = value;

    public string Value { get; }

    public override string TypeName => "str";

    public override bool IsTruthy => Value.Length != 0;

    /// <summary>True when every code point is one UTF-16 unit (then char indexes are code point indexes).</summary>
    public bool IsSimple
    {
        get
        {
            if (state == 0)
            {
                state = Value.AsSpan().IndexOfAnyInRange('\uD800', '\uDFFF') < 0 ? 1 : 2;
            }

            return state == 1;
        }
    }

    /// <summary>Length in code points (Python <c>len</c>).</summary>
    public int Length => IsSimple ? Value.Length : Offsets.Length - 1;

    private int[] Offsets => offsets ??= ComputeOffsets(Value);

    /// <summary><c>text.Substring(start, length)</c> as a str (shared for one character below U+0100).</summary>
    public static PyStr Of(string text, int start, int length)
    {
        switch (length)
        {
            case 0:
                return Empty;
            case 1 when text[start] < Latin1.Length:
                return Latin1[text[start]];
        }

        WorkMeter.Values(1);
        WorkMeter.Chars(length);
        return new PyStr(text.Substring(start, length));
    }

    /// <summary>The code point at <paramref name="index"/> as a str.</summary>
    public PyStr CharAt(int index)
    {
        var start = CharIndex(index);
        return Of(Value, start, CharIndex(index + 1) - start);
    }

    /// <summary>The code points [start, end) as a string.</summary>
    public string Slice(int start, int end)
    {
        var from = CharIndex(start);
        var to = CharIndex(end);
        WorkMeter.Chars(to - from);
        return Value.Substring(from, to - from);
    }

    /// <summary>The UTF-16 index of code point index <paramref name="index"/> (0 to <see cref="Length"/>).</summary>
    public int CharIndex(int index) => IsSimple ? index : Offsets[index];

    /// <summary>The code point index of UTF-16 index <paramref name="charIndex"/>.</summary>
    public int CodePointIndex(int charIndex)
    {
        if (IsSimple)
        {
            return charIndex;
        }

        var i = Array.BinarySearch(Offsets, charIndex);
        return i >= 0 ? i : ~i;
    }

    /// <summary>The ordinal hash, computed once (and charged once) per string.</summary>
    public int Hash()
    {
        if (hash == 0)
        {
            WorkMeter.Scanned(Value.Length);
            var computed = Value.GetHashCode();
            hash = computed == 0 ? 1 : computed;
        }

        return hash;
    }

    public override string Str() => Value;

    public override void WriteRepr(TextBuilder writer) => Quote(writer, Value);

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

    private static int[] ComputeOffsets(string value)
    {
        WorkMeter.Items(value.Length);
        var list = new List<int>(value.Length + 1);
        for (var i = 0; i < value.Length; i++)
        {
            list.Add(i);
            if (char.IsHighSurrogate(value[i]) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                i++;
            }
        }

        list.Add(value.Length);
        return [.. list];
    }

    private static PyStr[] CreateLatin1()
    {
        var table = new PyStr[256];
        for (var i = 0; i < table.Length; i++)
        {
            table[i] = new PyStr(((char)i).ToString());
        }

        return table;
    }
}
