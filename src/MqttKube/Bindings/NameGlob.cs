namespace MqttKube.Bindings;

/// <summary>
/// A binding's <c>name</c> as a glob (SPEC 12): <c>*</c> any run of characters, <c>?</c> one character,
/// <c>[abc]</c>, <c>[a-z]</c> and <c>[!abc]</c> one character of (not of) a set. A name without those is a plain name.
/// </summary>
internal sealed class NameGlob
{
    private readonly string pattern;

    private NameGlob(string pattern) => this.pattern = pattern;

    /// <summary>Whether <paramref name="name"/> uses glob characters (otherwise it names one object).</summary>
    public static bool IsGlob(string? name) => name is not null && name.AsSpan().IndexOfAny("*?[") >= 0;

    /// <summary>Compiles <paramref name="text"/>; on failure <paramref name="error"/> says why at 1-based <paramref name="column"/>.</summary>
    public static bool TryParse(string text, out NameGlob? glob, out string? error, out int column)
    {
        (glob, error, column) = (null, null, 0);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '[')
            {
                var close = text.IndexOf(']', i + 1);
                var first = i + 1 < text.Length && text[i + 1] == '!' ? i + 2 : i + 1;
                if (close < 0 || close == first)
                {
                    (error, column) = (close < 0 ? "'[' is not closed by ']'" : "'[]' is an empty set", i + 1);
                    return false;
                }

                i = close;
            }
            else if (c is not ('*' or '?' or '-' or '.') && !char.IsAsciiLetterLower(c) && !char.IsAsciiDigit(c))
            {
                (error, column) = ($"'{c}' cannot be part of a Kubernetes name (lowercase letters, digits, '-' and '.'; globs use *, ? and [...])", i + 1);
                return false;
            }
        }

        glob = new NameGlob(text);
        return true;
    }

    /// <summary>Whether <paramref name="name"/> matches the whole pattern.</summary>
    public bool Matches(string name) => Match(pattern, name);

    public override string ToString() => pattern;

    /// <summary>Two pointers with a return to the last <c>*</c>: linear in practice, never exponential.</summary>
    private static bool Match(string p, string s)
    {
        int pi = 0, si = 0, star = -1, resume = 0;
        while (si < s.Length)
        {
            if (pi < p.Length && p[pi] == '*')
            {
                (star, resume) = (++pi, si);
            }
            else if (pi < p.Length && One(p, pi, s[si], out var next))
            {
                (pi, si) = (next, si + 1);
            }
            else if (star >= 0)
            {
                (pi, si) = (star, ++resume);
            }
            else
            {
                return false;
            }
        }

        while (pi < p.Length && p[pi] == '*')
        {
            pi++;
        }

        return pi == p.Length;
    }

    /// <summary>Whether the pattern element at <paramref name="pi"/> (not <c>*</c>) takes <paramref name="c"/>; <paramref name="next"/> follows it.</summary>
    private static bool One(string p, int pi, char c, out int next)
    {
        switch (p[pi])
        {
            case '?':
                next = pi + 1;
                return true;
            case '[':
                var close = p.IndexOf(']', pi + 1);
                next = close + 1;
                return InSet(p.AsSpan(pi + 1, close - pi - 1), c);
            default:
                next = pi + 1;
                return p[pi] == c;
        }
    }

    private static bool InSet(ReadOnlySpan<char> set, char c)
    {
        var negated = set.Length > 0 && set[0] == '!';
        if (negated)
        {
            set = set[1..];
        }

        var found = false;
        for (var i = 0; i < set.Length && !found; i++)
        {
            found = i + 2 < set.Length && set[i + 1] == '-' ? c >= set[i] && c <= set[i += 2] : c == set[i];
        }

        return found != negated;
    }
}
