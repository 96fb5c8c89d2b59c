using System.Text;
using System.Text.RegularExpressions;

namespace MqttKube.JsonPath;

/// <summary>
/// Validates an I-Regexp (RFC 9485) and translates it to an equivalent .NET pattern (unanchored).
/// <list type="bullet">
/// <item><c>.</c> is any code point but LF and CR; a surrogate pair counts as one code point, for
/// <c>.</c> and for negated classes alike.</item>
/// <item>Outside a class, <c>^</c> and <c>$</c> are anchors (start and very end of the string), as the
/// RFC 9535 compliance suite and ECMAScript-based implementations treat them.</item>
/// <item><c>\p{..}</c>/<c>\P{..}</c> use .NET's Unicode categories, which classify UTF-16 units: characters
/// above U+FFFF never belong to a category (a known limitation).</item>
/// </list>
/// Anything outside the I-Regexp grammar (lazy quantifiers, back-references, <c>\d</c>, <c>\w</c>,
/// groups with <c>?</c>, …) is rejected.
/// </summary>
internal sealed partial class IRegexp
{
    private const string AnyPair = @"[\uD800-\uDBFF][\uDC00-\uDFFF]";

    private readonly string p;
    private readonly StringBuilder output = new();
    private int i;

    private IRegexp(string pattern) => p = pattern;

    public static bool TryTranslate(string pattern, out string dotnet)
    {
        var t = new IRegexp(pattern);
        dotnet = "";
        if (!t.Expression() || t.i != pattern.Length)
        {
            return false;
        }

        try
        {
            _ = new Regex(t.output.ToString(), RegexOptions.CultureInvariant);
        }
        catch (ArgumentException)
        {
            return false; // e.g. {3,2}
        }

        dotnet = t.output.ToString();
        return true;
    }

    private bool More => i < p.Length;

    private char Cur => p[i];

    private bool Expression()
    {
        if (!Branch())
        {
            return false;
        }

        while (More && Cur == '|')
        {
            i++;
            output.Append('|');
            if (!Branch())
            {
                return false;
            }
        }

        return true;
    }

    private bool Branch()
    {
        while (More && Cur != '|' && Cur != ')')
        {
            if (!Atom() || !Quantifier())
            {
                return false;
            }
        }

        return true;
    }

    private bool Atom()
    {
        var c = Cur;
        switch (c)
        {
            case '(':
                i++;
                output.Append("(?:");
                if (!Expression() || !More || Cur != ')')
                {
                    return false;
                }

                i++;
                output.Append(')');
                return true;
            case '.':
                i++;
                output.Append("(?:").Append(AnyPair).Append(@"|[^\n\r])");
                return true;
            case '^':
                i++;
                output.Append("(?:^)");
                return true;
            case '$':
                i++;
                output.Append(@"(?:\z)");
                return true;
            case '[':
                return Class();
            case '\\':
                if (TryCategory(out var category, out var negated))
                {
                    output.Append(negated ? $"(?:{AnyPair}|\\P{{{category}}})" : $"\\p{{{category}}}");
                    return true;
                }

                if (!TrySingleCharEscape(out var escaped))
                {
                    return false;
                }

                AppendCodePoint(escaped);
                return true;
            case ')' or '*' or '+' or '?' or '[' or ']' or '{' or '}' or '|':
                return false;
            default:
                if (!TryCodePoint(out var cp))
                {
                    return false;
                }

                AppendCodePoint(cp);
                return true;
        }
    }
}
