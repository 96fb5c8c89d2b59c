using System.Numerics;

namespace MqttKube.Expressions.Parsing;

/// <summary>Splits an expression into tokens (Python's tokenizer for one logical line).</summary>
internal static partial class Lexer
{
    private static readonly string[] Operators =
    [
        "**", "//", "<<", ">>", "<=", ">=", "==", "!=",
        "+", "-", "*", "/", "%", "&", "|", "^", "~", "<", ">", "(", ")", "[", "]", "{", "}", ",", ":", ".", "=",
    ];

    public static List<Token> Tokenize(string text)
    {
        var tokens = new List<Token>();
        var i = 0;
        while (true)
        {
            while (i < text.Length && (text[i] is ' ' or '\t' or '\f' or '\n' or '\r' || (text[i] == '\\' && i + 1 < text.Length && text[i + 1] == '\n')))
            {
                i += text[i] == '\\' ? 2 : 1;
            }

            if (i >= text.Length || text[i] == '#')
            {
                tokens.Add(new Token(TokenKind.End, string.Empty, Math.Min(i, text.Length) + 1));
                return tokens;
            }

            var start = i;
            var c = text[i];
            if (IsStringStart(text, i))
            {
                tokens.Add(ReadString(text, ref i));
            }
            else if (char.IsAsciiDigit(c) || (c == '.' && i + 1 < text.Length && char.IsAsciiDigit(text[i + 1])))
            {
                tokens.Add(ReadNumber(text, ref i));
            }
            else if (c == '_' || char.IsLetter(c))
            {
                while (i < text.Length && (text[i] == '_' || char.IsLetterOrDigit(text[i])))
                {
                    i++;
                }

                tokens.Add(new Token(TokenKind.Name, string.Intern(text[start..i]), start + 1));
            }
            else
            {
                var op = Array.Find(Operators, o => string.CompareOrdinal(text, i, o, 0, o.Length) == 0)
                    ?? throw new SyntaxException(start + 1, "invalid character '" + c + "'");
                i += op.Length;
                tokens.Add(new Token(TokenKind.Operator, op, start + 1));
            }
        }
    }

    private static Token ReadNumber(string text, ref int i)
    {
        var start = i;
        if (text[i] == '0' && i + 1 < text.Length && "xXoObB".Contains(text[i + 1]))
        {
            var radix = char.ToLowerInvariant(text[i + 1]) switch { 'x' => 16, 'o' => 8, _ => 2 };
            i += 2;
            var digitsStart = i;
            while (i < text.Length && (char.IsAsciiLetterOrDigit(text[i]) || text[i] == '_'))
            {
                i++;
            }

            var digits = text[digitsStart..i];
            if (!IntParser.TryParseDigits(digits, radix, true, out var value))
            {
                throw new SyntaxException(start + 1, "invalid number literal");
            }

            return new Token(TokenKind.Number, text[start..i], start + 1, IntLiteral(value, start));
        }

        var isFloat = false;
        ScanDigits(text, ref i);
        if (i < text.Length && text[i] == '.')
        {
            isFloat = true;
            i++;
            ScanDigits(text, ref i);
        }

        if (i < text.Length && text[i] is 'e' or 'E')
        {
            var save = i;
            i++;
            if (i < text.Length && text[i] is '+' or '-')
            {
                i++;
            }

            if (i < text.Length && char.IsAsciiDigit(text[i]))
            {
                isFloat = true;
                ScanDigits(text, ref i);
            }
            else
            {
                i = save;
            }
        }

        var literal = text[start..i];
        if (i < text.Length && (text[i] is 'j' or 'J' || char.IsLetter(text[i]) || text[i] == '_'))
        {
            throw new SyntaxException(i + 1, text[i] is 'j' or 'J' ? "complex numbers are not supported" : "invalid decimal literal");
        }

        if (literal.Contains("__", StringComparison.Ordinal) || literal.EndsWith('_') || literal.Contains("_.", StringComparison.Ordinal)
            || literal.Contains("._", StringComparison.Ordinal) || literal.Contains("_e", StringComparison.OrdinalIgnoreCase)
            || literal.Contains("e_", StringComparison.OrdinalIgnoreCase))
        {
            throw new SyntaxException(start + 1, "invalid decimal literal");
        }

        var clean = literal.Replace("_", string.Empty, StringComparison.Ordinal);
        if (isFloat)
        {
            return new Token(TokenKind.Number, literal, start + 1, new PyFloat(double.Parse(clean, System.Globalization.CultureInfo.InvariantCulture)));
        }

        if (clean.Length > 1 && clean[0] == '0' && clean.Any(ch => ch != '0'))
        {
            throw new SyntaxException(start + 1, "leading zeros in decimal integer literals are not permitted");
        }

        if (clean.Length > IntParser.MaxDigits)
        {
            throw new SyntaxException(start + 1, "integer literal too long");
        }

        return new Token(TokenKind.Number, literal, start + 1, IntLiteral(BigInteger.Parse(clean, System.Globalization.CultureInfo.InvariantCulture), start));
    }

    private static PyInt IntLiteral(BigInteger value, int start) =>
        value.GetBitLength() <= PyInt.MaxBits ? PyInt.From(value) : throw new SyntaxException(start + 1, "integer literal too large (limit " + PyInt.MaxBits + " bits)");

    private static void ScanDigits(string text, ref int i)
    {
        while (i < text.Length && (char.IsAsciiDigit(text[i]) || (text[i] == '_' && i + 1 < text.Length && char.IsAsciiDigit(text[i + 1]))))
        {
            i++;
        }
    }
}
