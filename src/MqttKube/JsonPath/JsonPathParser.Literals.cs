using System.Globalization;
using System.Text.Json.Nodes;

namespace MqttKube.JsonPath;

/// <summary>Names, string literals, integers and numbers.</summary>
internal sealed partial class JsonPathParser
{
    /// <summary>I-JSON exact integer range: ±(2^53 − 1).</summary>
    private const long MaxSafeInteger = 9007199254740991;

    /// <summary>name-first = ALPHA / "_" / %x80-D7FF / %xE000-10FFFF (a surrogate pair counts).</summary>
    private bool IsNameFirst() => IsNameChar(false);

    private bool IsNameChar(bool allowDigit)
    {
        if (!More)
        {
            return false;
        }

        var c = Cur;
        if (char.IsAsciiLetter(c) || c == '_' || (allowDigit && char.IsAsciiDigit(c)))
        {
            return true;
        }

        if (c < 0x80)
        {
            return false;
        }

        if (char.IsHighSurrogate(c))
        {
            return pos + 1 < end && char.IsLowSurrogate(text[pos + 1]);
        }

        return !char.IsLowSurrogate(c);
    }

    private string ParseShorthandName()
    {
        var start = pos;
        while (IsNameChar(true))
        {
            pos += char.IsHighSurrogate(Cur) ? 2 : 1;
        }

        return text[start..pos];
    }

    /// <summary><c>int = "0" / (["-"] DIGIT1 *DIGIT)</c>, within the I-JSON range.</summary>
    private long ParseInt()
    {
        var column = Column;
        var start = pos;
        if (Cur == '-')
        {
            pos++;
        }

        if (!char.IsAsciiDigit(Cur))
        {
            throw Error($"expected a digit, not {Describe()}");
        }

        if (Cur == '0' && (pos > start || (pos + 1 < end && char.IsAsciiDigit(text[pos + 1]))))
        {
            throw Error(column, pos > start ? "'-0' is not a valid index" : "leading zeros are not allowed");
        }

        while (char.IsAsciiDigit(Cur))
        {
            pos++;
        }

        var digits = text.AsSpan(start, pos - start);
        if (digits.Length > 18 || !long.TryParse(digits, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)
            || value is > MaxSafeInteger or < -MaxSafeInteger)
        {
            throw Error(column, "integer out of range (the limit is ±9007199254740991)");
        }

        return value;
    }

    /// <summary><c>number = (int / "-0") [ frac ] [ exp ]</c> as a JSON number node.</summary>
    private JsonNode ParseNumber()
    {
        var column = Column;
        var start = pos;
        if (Cur == '-')
        {
            pos++;
        }

        if (!char.IsAsciiDigit(Cur))
        {
            throw Error($"expected a digit, not {Describe()}");
        }

        if (Cur == '0' && pos + 1 < end && char.IsAsciiDigit(text[pos + 1]))
        {
            throw Error(column, "leading zeros are not allowed");
        }

        SkipDigits();
        if (Cur == '.')
        {
            pos++;
            RequireDigits("a digit after '.'");
        }

        if (Cur is 'e' or 'E')
        {
            pos++;
            if (Cur is '+' or '-')
            {
                pos++;
            }

            RequireDigits("a digit in the exponent");
        }

        return JsonNode.Parse(text.AsSpan(start, pos - start).ToString())!;
    }

    private void SkipDigits()
    {
        while (char.IsAsciiDigit(Cur))
        {
            pos++;
        }
    }

    private void RequireDigits(string what)
    {
        if (!char.IsAsciiDigit(Cur))
        {
            throw Error($"expected {what}, not {Describe()}");
        }

        SkipDigits();
    }
}
