using System.Globalization;
using System.Text;

namespace MqttKube.Expressions;

/// <summary>A Python str. Lengths and indexes count code points, as CPython does, even with surrogate pairs.</summary>
internal sealed class PyStr : PyValue
{
    public static readonly PyStr Empty = new(string.Empty);

    private int[]? codePoints;
    private int state; // 0 unknown, 1 no surrogates, 2 surrogates

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
                state = 1;
                foreach (var c in Value)
                {
                    if (char.IsSurrogate(c))
                    {
                        state = 2;
                        break;
                    }
                }
            }

            return state == 1;
        }
    }

    /// <summary>Length in code points (Python <c>len</c>).</summary>
    public int Length => IsSimple ? Value.Length : CodePoints.Length;

    public int[] CodePoints => codePoints ??= ToCodePoints(Value);

    /// <summary>The code points [start, end) as a string.</summary>
    public string Slice(int start, int end)
    {
        if (IsSimple)
        {
            return Value.Substring(start, end - start);
        }

        var sb = new StringBuilder();
        for (var i = start; i < end; i++)
        {
            var cp = CodePoints[i];
            _ = cp < 0x10000 ? sb.Append((char)cp) : sb.Append(char.ConvertFromUtf32(cp));
        }

        return sb.ToString();
    }

    /// <summary>The UTF-16 index of code point index <paramref name="index"/>.</summary>
    public int CharIndex(int index)
    {
        if (IsSimple)
        {
            return index;
        }

        var pos = 0;
        for (var i = 0; i < index; i++)
        {
            pos += char.IsHighSurrogate(Value[pos]) && pos + 1 < Value.Length ? 2 : 1;
        }

        return pos;
    }

    /// <summary>The code point index of UTF-16 index <paramref name="charIndex"/>.</summary>
    public int CodePointIndex(int charIndex)
    {
        if (IsSimple)
        {
            return charIndex;
        }

        var count = 0;
        for (var pos = 0; pos < charIndex; count++)
        {
            pos += char.IsHighSurrogate(Value[pos]) && pos + 1 < Value.Length ? 2 : 1;
        }

        return count;
    }

    public override string Str() => Value;

    public override string Repr() => Quote(Value);

    /// <summary>CPython's str repr: single quotes unless the text has ' and no ", escapes for the unprintable.</summary>
    public static string Quote(string value)
    {
        var quote = value.Contains('\'') && !value.Contains('"') ? '"' : '\'';
        var sb = new StringBuilder(value.Length + 2).Append(quote);
        foreach (var rune in value.EnumerateRunes())
        {
            var c = rune.Value;
            switch (c)
            {
                case '\\': sb.Append("\\\\"); continue;
                case '\n': sb.Append("\\n"); continue;
                case '\r': sb.Append("\\r"); continue;
                case '\t': sb.Append("\\t"); continue;
            }

            if (c == quote)
            {
                sb.Append('\\').Append(quote);
            }
            else if (IsPrintable(rune))
            {
                sb.Append(rune.ToString());
            }
            else if (c < 0x100)
            {
                sb.Append("\\x").Append(c.ToString("x2", CultureInfo.InvariantCulture));
            }
            else if (c < 0x10000)
            {
                sb.Append("\\u").Append(c.ToString("x4", CultureInfo.InvariantCulture));
            }
            else
            {
                sb.Append("\\U").Append(c.ToString("x8", CultureInfo.InvariantCulture));
            }
        }

        return sb.Append(quote).ToString();
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

    private static int[] ToCodePoints(string value)
    {
        var list = new List<int>(value.Length);
        for (var i = 0; i < value.Length; i++)
        {
            if (char.IsHighSurrogate(value[i]) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                list.Add(char.ConvertToUtf32(value[i], value[i + 1]));
                i++;
            }
            else
            {
                list.Add(value[i]);
            }
        }

        return [.. list];
    }
}
