using System.Globalization;
using System.Numerics;

namespace MqttKube.Expressions;

/// <summary>CPython's int literal and <c>int(str, base)</c> parsing (underscores, prefixes, Unicode digits).</summary>
internal static class IntParser
{
    /// <summary>CPython's limit on the digits of an int read from text (sys.get_int_max_str_digits()).</summary>
    public const int MaxDigits = 4300;

    /// <summary>Digits in <paramref name="radix"/>, single underscores between them (and after a prefix).</summary>
    public static bool TryParseDigits(ReadOnlySpan<char> digits, int radix, bool afterPrefix, out BigInteger value)
    {
        value = BigInteger.Zero;
        if (digits.Length == 0 || digits.Length > MaxDigits || digits[^1] == '_' || (!afterPrefix && digits[0] == '_'))
        {
            return false;
        }

        // Up to 'chunk' digits are gathered in a ulong, then folded in with one big multiply-add.
        var chunk = 0;
        ulong scale = 1;
        while (scale <= ulong.MaxValue / (ulong)radix / 2)
        {
            scale *= (ulong)radix;
            chunk++;
        }

        WorkMeter.Words((((long)digits.Length / chunk) + 1) * ((digits.Length * (long)Math.Ceiling(Math.Log2(radix)) / 64) + 1));
        var previousUnderscore = false;
        var count = 0;
        ulong pending = 0;
        var pendingDigits = 0;
        foreach (var c in digits)
        {
            if (c == '_')
            {
                if (previousUnderscore)
                {
                    return false;
                }

                previousUnderscore = true;
                continue;
            }

            previousUnderscore = false;
            var d = DigitValue(c);
            if (d < 0 || d >= radix)
            {
                return false;
            }

            pending = (pending * (ulong)radix) + (ulong)d;
            count++;
            if (++pendingDigits == chunk)
            {
                value = (value * scale) + pending;
                pending = 0;
                pendingDigits = 0;
            }
        }

        if (pendingDigits > 0)
        {
            value = (value * BigInteger.Pow(radix, pendingDigits)) + pending;
        }

        return count > 0;
    }

    /// <summary><c>int(text, radix)</c>; radix 0 reads the prefix like a literal. Reads the text in place (no copies).</summary>
    public static PyInt ParseForInt(string text, int radix)
    {
        WorkMeter.Scanned(text.Length);
        var body = StrMethods.TrimSpace(text);
        var negative = false;
        if (body.Length > 0 && body[0] is '+' or '-')
        {
            negative = body[0] == '-';
            body = body[1..];
        }

        var afterPrefix = false;
        var given = radix;
        if (body.Length >= 2 && body[0] == '0' && char.ToLowerInvariant(body[1]) is 'x' or 'o' or 'b')
        {
            var prefixRadix = char.ToLowerInvariant(body[1]) switch { 'x' => 16, 'o' => 8, _ => 2 };
            if (radix == 0 || radix == prefixRadix)
            {
                radix = prefixRadix;
                body = body[2..];
                afterPrefix = true;
            }
        }

        var ok = true;
        if (radix == 0)
        {
            radix = 10;
            ok = body.TrimStart('0').TrimStart('_').Length == 0 ? body.Length > 0 && body[0] == '0' : body[0] != '0';
        }

        if (!ok || !TryParseDigits(body, radix, afterPrefix, out var value))
        {
            var shown = text.Length > 200 ? text[..200] : text;
            throw PyException.Value("invalid literal for int() with base " + given + ": " + PyStr.Quote(shown));
        }

        return PyInt.From(negative ? -value : value);
    }

    private static int DigitValue(char c)
    {
        if (c is >= '0' and <= '9')
        {
            return c - '0';
        }

        if (c is >= 'a' and <= 'z')
        {
            return c - 'a' + 10;
        }

        if (c is >= 'A' and <= 'Z')
        {
            return c - 'A' + 10;
        }

        return CharUnicodeInfo.GetDecimalDigitValue(c);
    }
}
