using System.Globalization;
using System.Text;
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
            return _pos + 1 < _end && char.IsLowSurrogate(_text[_pos + 1]);
        }

        return !char.IsLowSurrogate(c);
    }

    private string ParseShorthandName()
    {
        var start = _pos;
        while (IsNameChar(true))
        {
            _pos += char.IsHighSurrogate(Cur) ? 2 : 1;
        }

        return _text[start.._pos];
    }

    /// <summary><c>int = "0" / (["-"] DIGIT1 *DIGIT)</c>, within the I-JSON range.</summary>
    private long ParseInt()
    {
        var column = Column;
        var start = _pos;
        if (Cur == '-')
        {
            _pos++;
        }

        if (!char.IsAsciiDigit(Cur))
        {
            throw Error($"expected a digit, not {Describe()}");
        }

        if (Cur == '0' && (_pos > start || (_pos + 1 < _end && char.IsAsciiDigit(_text[_pos + 1]))))
        {
            throw Error(column, _pos > start ? "'-0' is not a valid index" : "leading zeros are not allowed");
        }

        while (char.IsAsciiDigit(Cur))
        {
            _pos++;
        }

        var digits = _text.AsSpan(start, _pos - start);
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
        var start = _pos;
        if (Cur == '-')
        {
            _pos++;
        }

        if (!char.IsAsciiDigit(Cur))
        {
            throw Error($"expected a digit, not {Describe()}");
        }

        if (Cur == '0' && _pos + 1 < _end && char.IsAsciiDigit(_text[_pos + 1]))
        {
            throw Error(column, "leading zeros are not allowed");
        }

        SkipDigits();
        if (Cur == '.')
        {
            _pos++;
            RequireDigits("a digit after '.'");
        }

        if (Cur is 'e' or 'E')
        {
            _pos++;
            if (Cur is '+' or '-')
            {
                _pos++;
            }

            RequireDigits("a digit in the exponent");
        }

        return JsonNode.Parse(_text.AsSpan(start, _pos - start).ToString())!;
    }

    private void SkipDigits()
    {
        while (char.IsAsciiDigit(Cur))
        {
            _pos++;
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

    /// <summary>A single- or double-quoted string literal with the RFC 9535 escapes.</summary>
    private string ParseStringLiteral()
    {
        var quote = Cur;
        var column = Column;
        _pos++;
        var sb = new StringBuilder();
        while (true)
        {
            if (!More)
            {
                throw Error(column, "unterminated string");
            }

            var c = Cur;
            if (c == quote)
            {
                _pos++;
                return sb.ToString();
            }

            if (c == '\\')
            {
                ParseEscape(quote, sb);
            }
            else if (c < ' ')
            {
                throw Error("a control character in a string must be escaped");
            }
            else if (char.IsHighSurrogate(c) && _pos + 1 < _end && char.IsLowSurrogate(_text[_pos + 1]))
            {
                sb.Append(c).Append(_text[_pos + 1]);
                _pos += 2;
            }
            else if (char.IsSurrogate(c))
            {
                throw Error("an unpaired surrogate in a string");
            }
            else
            {
                sb.Append(c);
                _pos++;
            }
        }
    }

    private void ParseEscape(char quote, StringBuilder sb)
    {
        var column = Column;
        _pos++; // '\'
        var c = Cur;
        _pos++;
        switch (c)
        {
            case 'b': sb.Append('\b'); return;
            case 'f': sb.Append('\f'); return;
            case 'n': sb.Append('\n'); return;
            case 'r': sb.Append('\r'); return;
            case 't': sb.Append('\t'); return;
            case '/' or '\\': sb.Append(c); return;
            case 'u':
                var unit = ParseHex4(column);
                if (char.IsHighSurrogate(unit))
                {
                    if (Cur != '\\' || _pos + 1 >= _end || _text[_pos + 1] != 'u')
                    {
                        throw Error(column, "a high surrogate escape must be followed by a low surrogate escape");
                    }

                    _pos += 2;
                    var low = ParseHex4(column);
                    if (!char.IsLowSurrogate(low))
                    {
                        throw Error(column, "a high surrogate escape must be followed by a low surrogate escape");
                    }

                    sb.Append(unit).Append(low);
                }
                else if (char.IsLowSurrogate(unit))
                {
                    throw Error(column, "a low surrogate escape without a high surrogate");
                }
                else
                {
                    sb.Append(unit);
                }

                return;
            default:
                if (c == quote)
                {
                    sb.Append(c);
                    return;
                }

                _pos--;
                throw Error(column, $"invalid escape '\\{(More ? Cur.ToString() : "")}'");
        }
    }

    private char ParseHex4(int column)
    {
        if (_pos + 4 > _end || !int.TryParse(_text.AsSpan(_pos, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var value)
            || _text.AsSpan(_pos, 4).ContainsAnyExcept("0123456789abcdefABCDEF"))
        {
            throw Error(column, "'\\u' must be followed by four hex digits");
        }

        _pos += 4;
        return (char)value;
    }
}
