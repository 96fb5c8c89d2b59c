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
                _out.Append(Cur);
                _i++;
                return true;
            case '{':
                var start = _i++;
                if (!Digits())
                {
                    return false;
                }

                if (More && Cur == ',')
                {
                    _i++;
                    if (More && char.IsAsciiDigit(Cur) && !Digits())
                    {
                        return false;
                    }
                }

                if (!More || Cur != '}')
                {
                    return false;
                }

                _i++;
                _out.Append(_p, start, _i - start);
                return true;
            default:
                return true;
        }
    }

    private bool Digits()
    {
        var start = _i;
        while (More && char.IsAsciiDigit(Cur))
        {
            _i++;
        }

        return _i > start;
    }

    /// <summary>A code point (a surrogate pair counts as one); a lone surrogate is invalid.</summary>
    private bool TryCodePoint(out int cp)
    {
        var c = Cur;
        cp = c;
        if (char.IsHighSurrogate(c) && _i + 1 < _p.Length && char.IsLowSurrogate(_p[_i + 1]))
        {
            cp = char.ConvertToUtf32(c, _p[_i + 1]);
            _i += 2;
            return true;
        }

        if (char.IsSurrogate(c))
        {
            return false;
        }

        _i++;
        return true;
    }

    private void AppendCodePoint(int cp)
    {
        if (cp > 0xFFFF)
        {
            _out.Append("(?:").Append(Escape(cp)).Append(')');
        }
        else
        {
            _out.Append(Escape(cp));
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
