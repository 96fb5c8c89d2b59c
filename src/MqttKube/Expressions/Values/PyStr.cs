namespace MqttKube.Expressions;

/// <summary>A Python str. Lengths and indexes count code points, as CPython does, even with surrogate pairs.</summary>
internal sealed partial class PyStr : PyValue
{
    public static readonly PyStr Empty = new(string.Empty);

    // One-character strings below U+0100 are shared, as in CPython: iterating a string allocates nothing for them.
    private static readonly PyStr[] Latin1 = CreateLatin1();

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
