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
        if (i + 2 >= p.Length || p[i] != '\\' || (p[i + 1] != 'p' && p[i + 1] != 'P') || p[i + 2] != '{')
        {
            return false;
        }

        var close = p.IndexOf('}', i + 3);
        if (close < 0)
        {
            return false;
        }

        var name = p.Substring(i + 3, close - i - 3);
        if (!IsCategory(name))
        {
            return false;
        }

        negated = p[i + 1] == 'P';
        category = name;
        i = close + 1;
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
        if (i + 1 >= p.Length)
        {
            return false;
        }

        var c = p[i + 1];
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

        i += 2;
        return true;
    }

    /// <summary><c>[^...]</c>: a code point in (or not in) the listed characters, ranges and categories.</summary>
    private bool Class()
    {
        i++; // '['
        var negated = More && Cur == '^';
        if (negated)
        {
            i++;
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
                i++;
                break;
            }

            if (Cur == '-')
            {
                // '-' is literal only first or last.
                if (!first && !(i + 1 < p.Length && p[i + 1] == ']'))
                {
                    return false;
                }

                i++;
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
                if (More && Cur == '-' && i + 1 < p.Length && p[i + 1] != ']')
                {
                    i++;
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
            output.Append("(?:").Append(notAstral).Append(AnyPair).Append("|[^").Append(bmp).Append(@"\uD800-\uDFFF])");
        }
        else if (astral.Count == 0)
        {
            output.Append('[').Append(bmp).Append(']');
        }
        else
        {
            output.Append("(?:").Append(bmp.Length > 0 ? $"[{bmp}]|" : "").Append(astralAlt).Append(')');
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
