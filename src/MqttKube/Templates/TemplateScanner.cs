namespace MqttKube.Templates;

/// <summary>Finds <c>${…}</c> spans in a scalar, skipping braces inside the expression's strings and brackets.</summary>
internal static class TemplateScanner
{
    /// <summary>
    /// Splits <paramref name="text"/> into literal and expression pieces: (start, length, isExpression), where an
    /// expression's span is its inner text. Returns false with the 1-based column of an unterminated <c>${</c>.
    /// </summary>
    public static bool TrySplit(string text, List<(int Start, int Length, bool IsExpression)> pieces, out int errorColumn)
    {
        errorColumn = 0;
        var literalStart = 0;
        var i = 0;
        while (i < text.Length)
        {
            var open = text.IndexOf("${", i, StringComparison.Ordinal);
            if (open < 0)
            {
                break;
            }

            var close = FindClose(text, open + 2);
            if (close < 0)
            {
                errorColumn = open + 1;
                return false;
            }

            if (open > literalStart)
            {
                pieces.Add((literalStart, open - literalStart, false));
            }

            pieces.Add((open + 2, close - open - 2, true));
            i = literalStart = close + 1;
        }

        if (literalStart < text.Length)
        {
            pieces.Add((literalStart, text.Length - literalStart, false));
        }

        return true;
    }

    private static int FindClose(string text, int from)
    {
        var depth = 0;
        char quote = '\0';
        for (var i = from; i < text.Length; i++)
        {
            var c = text[i];
            if (quote != '\0')
            {
                if (c == '\\')
                {
                    i++;
                }
                else if (c == quote)
                {
                    quote = '\0';
                }

                continue;
            }

            switch (c)
            {
                case '\'' or '"':
                    quote = c;
                    break;
                case '{' or '[' or '(':
                    depth++;
                    break;
                case ']' or ')':
                    depth--;
                    break;
                case '}':
                    if (depth == 0)
                    {
                        return i;
                    }

                    depth--;
                    break;
            }
        }

        return -1;
    }
}
