using System.Globalization;
using System.Text;

namespace MqttKube.Expressions.Parsing;

internal static partial class Lexer
{
    private static bool IsStringStart(string text, int i)
    {
        var j = i;
        while (j < text.Length && j - i < 2 && "rRuUbBfF".Contains(text[j]))
        {
            j++;
        }

        return j < text.Length && text[j] is '\'' or '"' && (j == i || !(i > 0 && (char.IsLetterOrDigit(text[i - 1]) || text[i - 1] == '_')));
    }

    private static Token ReadString(string text, ref int i)
    {
        var start = i;
        var raw = false;
        while (text[i] is not ('\'' or '"'))
        {
            switch (char.ToLowerInvariant(text[i]))
            {
                case 'r': raw = true; break;
                case 'b': throw new SyntaxException(start + 1, "bytes literals are not supported");
                case 'f': throw new SyntaxException(start + 1, "f-strings are not supported");
            }

            i++;
        }

        var quote = text[i];
        var triple = i + 2 < text.Length && text[i + 1] == quote && text[i + 2] == quote;
        i += triple ? 3 : 1;
        var sb = new StringBuilder();
        while (true)
        {
            if (i >= text.Length)
            {
                throw new SyntaxException(start + 1, "unterminated string literal");
            }

            var c = text[i];
            if (c == quote && (!triple || (i + 2 < text.Length && text[i + 1] == quote && text[i + 2] == quote)))
            {
                i += triple ? 3 : 1;
                break;
            }

            if (c == '\n' && !triple)
            {
                throw new SyntaxException(start + 1, "unterminated string literal");
            }

            if (c != '\\')
            {
                sb.Append(c);
                i++;
                continue;
            }

            if (i + 1 >= text.Length)
            {
                throw new SyntaxException(start + 1, "unterminated string literal");
            }

            if (raw)
            {
                sb.Append(c).Append(text[i + 1]);
                i += 2;
                continue;
            }

            i = Escape(text, i, sb);
        }

        return new Token(TokenKind.String, text[start..i], start + 1, new PyStr(sb.ToString()));
    }

    /// <summary>Decodes the escape at <paramref name="i"/> (a backslash); returns the index after it.</summary>
    private static int Escape(string text, int i, StringBuilder sb)
    {
        var e = text[i + 1];
        switch (e)
        {
            case '\n': return i + 2;
            case '\\': sb.Append('\\'); return i + 2;
            case '\'': sb.Append('\''); return i + 2;
            case '"': sb.Append('"'); return i + 2;
            case 'a': sb.Append('\a'); return i + 2;
            case 'b': sb.Append('\b'); return i + 2;
            case 'f': sb.Append('\f'); return i + 2;
            case 'n': sb.Append('\n'); return i + 2;
            case 'r': sb.Append('\r'); return i + 2;
            case 't': sb.Append('\t'); return i + 2;
            case 'v': sb.Append('\v'); return i + 2;
            case 'x': return Hex(text, i, 2, sb);
            case 'u': return Hex(text, i, 4, sb);
            case 'U': return Hex(text, i, 8, sb);
            case 'N': throw new SyntaxException(i + 1, "\\N{...} escapes are not supported");
        }

        if (e is >= '0' and <= '7')
        {
            var j = i + 1;
            var value = 0;
            while (j < text.Length && j < i + 4 && text[j] is >= '0' and <= '7')
            {
                value = (value * 8) + (text[j] - '0');
                j++;
            }

            sb.Append((char)value);
            return j;
        }

        sb.Append('\\');
        return i + 1;
    }

    private static int Hex(string text, int i, int digits, StringBuilder sb)
    {
        var from = i + 2;
        if (from + digits > text.Length
            || !int.TryParse(text.AsSpan(from, digits), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var value)
            || text.AsSpan(from, digits).ContainsAny('+', '-'))
        {
            throw new SyntaxException(i + 1, "truncated \\" + text[i + 1] + " escape");
        }

        if ((uint)value > 0x10FFFF)
        {
            throw new SyntaxException(i + 1, "illegal Unicode character");
        }

        sb.Append(value < 0x10000 ? ((char)value).ToString() : char.ConvertFromUtf32(value));
        return from + digits;
    }
}
