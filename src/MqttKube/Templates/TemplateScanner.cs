using Scriban.Parsing;

namespace MqttKube.Templates;

/// <summary>
/// Splits a template scalar into its pieces in one pass, left to right (SPEC 18): <c>${…}</c> Python expressions,
/// Scriban runs and literal text. Whichever opener comes first wins, so a <c>${</c> inside a Scriban block or a
/// string of its code, or inside a <c>{%{ … }%}</c> escape, is Scriban's, and a <c>{{</c> inside a <c>${…}</c> is
/// Python's. A Scriban run is the stretch of text between two <c>${…}</c> (or the scalar's ends) that holds a
/// <c>{{ … }}</c> block or a <c>{%{ … }%}</c> escape; Scriban renders it whole (its literal text too), so its
/// <c>if</c>/<c>for</c> blocks must open and close within the run.
/// </summary>
internal static class TemplateScanner
{
    /// <summary>
    /// Fills <paramref name="pieces"/>; a Python piece's span is the expression inside <c>${…}</c>, a Scriban piece's
    /// the whole run. Returns false with the 0-based offset and the reason of an unterminated <c>${</c>, <c>{{</c> or
    /// <c>{%{</c>.
    /// </summary>
    public static bool TrySplit(string text, List<TemplatePiece> pieces, out int errorOffset, out string? error)
    {
        errorOffset = 0;
        error = null;
        var runStart = 0;
        var runIsScriban = false;
        var i = 0;
        while (i < text.Length)
        {
            var next = text.IndexOfAny(Openers, i);
            if (next < 0 || next + 1 >= text.Length)
            {
                break;
            }

            i = next;
            if (text[i] == '$' && text[i + 1] == '{')
            {
                var close = FindPythonClose(text, i + 2);
                if (close < 0)
                {
                    (errorOffset, error) = (i, "'${' is not closed by '}'");
                    return false;
                }

                AddRun(pieces, runStart, i, runIsScriban);
                pieces.Add(new TemplatePiece(i + 2, close - i - 2, TemplatePieceKind.Python));
                i = runStart = close + 1;
                runIsScriban = false;
            }
            else if (text[i] == '{' && IsScribanOpener(text, i))
            {
                var end = FindScribanEnd(text, i, out errorOffset, out error);
                if (end < 0)
                {
                    return false;
                }

                runIsScriban = true;
                i = end;
            }
            else
            {
                i++;
            }
        }

        AddRun(pieces, runStart, text.Length, runIsScriban);
        return true;
    }

    /// <summary>Whether <paramref name="text"/> holds anything a template renders: <c>${</c>, <c>{{</c> or <c>{%…{</c>.</summary>
    public static bool IsTemplated(string text)
    {
        for (var i = text.IndexOfAny(Openers); i >= 0 && i + 1 < text.Length; i = text.IndexOfAny(Openers, i + 1))
        {
            if ((text[i] == '$' && text[i + 1] == '{') || (text[i] == '{' && IsScribanOpener(text, i)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether <paramref name="text"/> is exactly one <c>{{ … }}</c> code block.</summary>
    public static bool IsSingleScribanBlock(string text) =>
        text.StartsWith("{{", StringComparison.Ordinal) && FindScribanEnd(text, 0, out _, out _) == text.Length;

    private static readonly char[] Openers = ['$', '{'];

    private static void AddRun(List<TemplatePiece> pieces, int start, int end, bool isScriban)
    {
        if (end > start)
        {
            pieces.Add(new TemplatePiece(start, end - start, isScriban ? TemplatePieceKind.Scriban : TemplatePieceKind.Text));
        }
    }

    /// <summary><c>{{</c>, or <c>{</c> then one or more <c>%</c> then <c>{</c> (Scriban's escape block).</summary>
    private static bool IsScribanOpener(string text, int i)
    {
        if (text[i + 1] == '{')
        {
            return true;
        }

        var j = i + 1;
        while (j < text.Length && text[j] == '%')
        {
            j++;
        }

        return j > i + 1 && j < text.Length && text[j] == '{';
    }

    /// <summary>
    /// The offset just past the <c>}}</c> (or <c>}%…}</c>) that closes the block opening at <paramref name="start"/>,
    /// found by Scriban's own lexer (so braces in its strings, comments and object literals are skipped as Scriban
    /// skips them); -1 with the offset and reason of the problem when it is not closed or does not lex.
    /// </summary>
    private static int FindScribanEnd(string text, int start, out int errorOffset, out string? error)
    {
        var lexer = new Lexer(text, null, new LexerOptions { StartPosition = new TextPosition(start, 0, start) });
        foreach (var token in lexer)
        {
            if (lexer.HasErrors)
            {
                var first = lexer.Errors.First();
                errorOffset = first.Span.Start.Offset >= start ? first.Span.Start.Offset : start;
                error = "invalid Scriban template in {{…}}: " + first.Message;
                return -1;
            }

            if (token.Type is TokenType.CodeExit or TokenType.EscapeExit)
            {
                (errorOffset, error) = (0, null);
                return token.End.Offset + 1;
            }

            if (token.Type is TokenType.Raw or TokenType.Eof)
            {
                break;
            }
        }

        errorOffset = start;
        error = text[start + 1] == '{' ? "'{{' is not closed by '}}'" : "'{%{' is not closed by '}%}'";
        return -1;
    }

    /// <summary>The <c>}</c> closing a <c>${</c>, skipping braces inside the expression's strings and brackets.</summary>
    private static int FindPythonClose(string text, int from)
    {
        var depth = 0;
        var quote = '\0';
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
