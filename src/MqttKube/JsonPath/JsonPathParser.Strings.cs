using System.Globalization;
using System.Text;

namespace MqttKube.JsonPath;

/// <summary>String literals with the RFC 9535 escapes.</summary>
internal sealed partial class JsonPathParser
{
    /// <summary>A single- or double-quoted string literal with the RFC 9535 escapes.</summary>
    private string ParseStringLiteral()
    {
        var quote = Cur;
        var column = Column;
        pos++;
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
                pos++;
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
            else if (char.IsHighSurrogate(c) && pos + 1 < end && char.IsLowSurrogate(text[pos + 1]))
            {
                sb.Append(c).Append(text[pos + 1]);
                pos += 2;
            }
            else if (char.IsSurrogate(c))
            {
                throw Error("an unpaired surrogate in a string");
            }
            else
            {
                sb.Append(c);
                pos++;
            }
        }
    }

    private void ParseEscape(char quote, StringBuilder sb)
    {
        var column = Column;
        pos++; // '\'
        var c = Cur;
        pos++;
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
                    if (Cur != '\\' || pos + 1 >= end || text[pos + 1] != 'u')
                    {
                        throw Error(column, "a high surrogate escape must be followed by a low surrogate escape");
                    }

                    pos += 2;
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

                pos--;
                throw Error(column, $"invalid escape '\\{(More ? Cur.ToString() : "")}'");
        }
    }

    private char ParseHex4(int column)
    {
        if (pos + 4 > end || !int.TryParse(text.AsSpan(pos, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var value)
            || text.AsSpan(pos, 4).ContainsAnyExcept("0123456789abcdefABCDEF"))
        {
            throw Error(column, "'\\u' must be followed by four hex digits");
        }

        pos += 4;
        return (char)value;
    }
}
