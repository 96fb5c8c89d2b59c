using System.Text;

namespace MqttKube.JsonPath;

/// <summary>Character classes and escapes.</summary>
internal sealed partial class IRegexp
{
    /// <summary><c>\p{Cat}</c> or <c>\P{Cat}</c> with an RFC 9485 category name.</summary>
    private bool TryCategory(out string category, out bool negated)
    {
        category = "";
        negated = false;
        if (_i + 2 >= _p.Length || _p[_i] != '\\' || (_p[_i + 1] != 'p' && _p[_i + 1] != 'P') || _p[_i + 2] != '{')
        {
            return false;
        }

        var close = _p.IndexOf('}', _i + 3);
        if (close < 0)
        {
            return false;
        }

        var name = _p.Substring(_i + 3, close - _i - 3);
        if (!IsCategory(name))
        {
            return false;
        }

        negated = _p[_i + 1] == 'P';
        category = name;
        _i = close + 1;
        return true;
    }

    private static bool IsCategory(string name) => name.Length switch
    {
        1 => "LMNPZSC".Contains(name[0], StringComparison.Ordinal),
        2 => (name[0] switch
        {
            'L' => "lmotu",
            'M' => "cen",
            'N' => "dlo",
            'P' => "cdefios",
            'Z' => "lps",
            'S' => "ckmo",
            'C' => "cfno",
            _ => "",
        }).Contains(name[1], StringComparison.Ordinal),
        _ => false,
    };

    /// <summary>SingleCharEsc: <c>\</c> followed by one of <c>()*+-.?[\]^nrt{|}</c>.</summary>
    private bool TrySingleCharEscape(out int cp)
    {
        cp = 0;
        if (_i + 1 >= _p.Length)
        {
            return false;
        }

        var c = _p[_i + 1];
        switch (c)
        {
            case '(' or ')' or '*' or '+' or '-' or '.' or '?' or '[' or '\\' or ']' or '^' or '{' or '|' or '}':
                cp = c;
                break;
            case 'n': cp = '\n'; break;
            case 'r': cp = '\r'; break;
            case 't': cp = '\t'; break;
            default: return false;
        }

        _i += 2;
        return true;
    }

    /// <summary><c>[^...]</c>: a code point in (or not in) the listed characters, ranges and categories.</summary>
    private bool Class()
    {
        _i++; // '['
        var negated = More && Cur == '^';
        if (negated)
        {
            _i++;
        }

        var bmp = new StringBuilder();
        var astral = new List<string>();
        var first = true;
        while (true)
        {
            if (!More)
            {
                return false;
            }

            if (Cur == ']' && !first)
            {
                _i++;
                break;
            }

            if (Cur == '-')
            {
                // '-' is literal only first or last.
                if (!first && !(_i + 1 < _p.Length && _p[_i + 1] == ']'))
                {
                    return false;
                }

                _i++;
                bmp.Append(Escape('-'));
            }
            else if (TryCategory(out var category, out var catNegated))
            {
                bmp.Append(catNegated ? "\\P{" : "\\p{").Append(category).Append('}');
            }
            else
            {
                if (!ClassChar(out var low))
                {
                    return false;
                }

                var high = low;
                if (More && Cur == '-' && _i + 1 < _p.Length && _p[_i + 1] != ']')
                {
                    _i++;
                    if (!ClassChar(out high) || high < low)
                    {
                        return false;
                    }
                }

                AddRange(low, high, bmp, astral);
            }

            first = false;
        }

        var astralAlt = string.Join('|', astral);
        if (negated)
        {
            var notAstral = astral.Count == 0 ? "" : $"(?!{astralAlt})";
            _out.Append("(?:").Append(notAstral).Append(AnyPair).Append("|[^").Append(bmp).Append(@"\uD800-\uDFFF])");
        }
        else if (astral.Count == 0)
        {
            _out.Append('[').Append(bmp).Append(']');
        }
        else
        {
            _out.Append("(?:").Append(bmp.Length > 0 ? $"[{bmp}]|" : "").Append(astralAlt).Append(')');
        }

        return true;
    }

    /// <summary>CCchar: any code point but <c>-[\]</c>, or a single-character escape.</summary>
    private bool ClassChar(out int cp)
    {
        cp = 0;
        if (!More)
        {
            return false;
        }

        return Cur switch
        {
            '\\' => TrySingleCharEscape(out cp),
            '-' or '[' or ']' => false,
            _ => TryCodePoint(out cp),
        };
    }

    private static void AddRange(int low, int high, StringBuilder bmp, List<string> astral)
    {
        if (low <= 0xFFFF)
        {
            var top = Math.Min(high, 0xFFFF);
            bmp.Append(Escape(low));
            if (top != low)
            {
                bmp.Append('-').Append(Escape(top));
            }

            low = 0x10000;
        }

        // Astral part, split by high surrogate so each alternative is "high [low-range]".
        while (low <= high)
        {
            var lo = char.ConvertFromUtf32(low);
            var blockEnd = Math.Min(high, low | 0x3FF);
            var hi = char.ConvertFromUtf32(blockEnd);
            astral.Add($"{Escape(lo[0])}[{Escape(lo[1])}-{Escape(hi[1])}]");
            low = blockEnd + 1;
        }
    }
}
