namespace MqttKube.Expressions;

/// <summary>
/// Ordinal substring search in time linear in the text whatever the pattern (<c>in</c>, <c>find</c>, <c>split</c>,
/// <c>replace</c>), charged by the characters scanned. Short needles use the vectorized search; long ones
/// Knuth-Morris-Pratt, since a naive search of a long, almost matching needle is quadratic.
/// </summary>
internal static class TextSearch
{
    private const int ShortNeedle = 32;

    /// <summary>The UTF-16 index of <paramref name="needle"/> in <paramref name="text"/>[start..end), or -1.</summary>
    public static int IndexOf(string text, string needle, int start, int end = -1)
    {
        end = end < 0 ? text.Length : end;
        var region = text.AsSpan(start, end - start);
        if (needle.Length <= ShortNeedle)
        {
            var found = region.IndexOf(needle, StringComparison.Ordinal);
            WorkMeter.Scanned(2L * (found < 0 ? region.Length : found + needle.Length));
            return found < 0 ? -1 : start + found;
        }

        var index = Kmp(region, needle);
        return index < 0 ? -1 : start + index;
    }

    private static int Kmp(ReadOnlySpan<char> text, string needle)
    {
        if (needle.Length > text.Length)
        {
            return -1;
        }

        WorkMeter.Scanned(8L * needle.Length);
        var fail = new int[needle.Length];
        for (int i = 1, k = 0; i < needle.Length; i++)
        {
            while (k > 0 && needle[i] != needle[k])
            {
                k = fail[k - 1];
            }

            if (needle[i] == needle[k])
            {
                k++;
            }

            fail[i] = k;
        }

        var matched = 0;
        for (var i = 0; i < text.Length; i++)
        {
            while (matched > 0 && text[i] != needle[matched])
            {
                matched = fail[matched - 1];
            }

            if (text[i] == needle[matched])
            {
                matched++;
            }

            if (matched == needle.Length)
            {
                WorkMeter.Scanned(4L * (i + 1));
                return i + 1 - needle.Length;
            }
        }

        WorkMeter.Scanned(4L * text.Length);
        return -1;
    }
}
