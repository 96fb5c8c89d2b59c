using System.Globalization;

namespace MqttKube.JsonPath;

/// <summary>Quantifiers and code points.</summary>
internal sealed partial class IRegexp
{
    private bool Quantifier()
    {
        if (!More)
        {
            return true;
        }

        switch (Cur)
        {
            case '*' or '+' or '?':
                output.Append(Cur);
                i++;
                return true;
            case '{':
                var start = i++;
                if (!Digits())
                {
                    return false;
                }

                if (More && Cur == ',')
                {
                    i++;
                    if (More && char.IsAsciiDigit(Cur) && !Digits())
                    {
                        return false;
                    }
                }

                if (!More || Cur != '}')
                {
                    return false;
                }

                i++;
                output.Append(p, start, i - start);
                return true;
            default:
                return true;
        }
    }

    private bool Digits()
    {
        var start = i;
        while (More && char.IsAsciiDigit(Cur))
        {
            i++;
        }

        return i > start;
    }

    /// <summary>A code point (a surrogate pair counts as one); a lone surrogate is invalid.</summary>
    private bool TryCodePoint(out int cp)
    {
        var c = Cur;
        cp = c;
        if (char.IsHighSurrogate(c) && i + 1 < p.Length && char.IsLowSurrogate(p[i + 1]))
        {
            cp = char.ConvertToUtf32(c, p[i + 1]);
            i += 2;
            return true;
        }

        if (char.IsSurrogate(c))
        {
            return false;
        }

        i++;
        return true;
    }

    private void AppendCodePoint(int cp)
    {
        if (cp > 0xFFFF)
        {
            output.Append("(?:").Append(Escape(cp)).Append(')');
        }
        else
        {
            output.Append(Escape(cp));
        }
    }

    private static string Escape(int cp)
    {
        if (cp > 0xFFFF)
        {
            var s = char.ConvertFromUtf32(cp);
            return Escape(s[0]) + Escape(s[1]);
        }

        return "\\u" + cp.ToString("X4", CultureInfo.InvariantCulture);
    }
}
