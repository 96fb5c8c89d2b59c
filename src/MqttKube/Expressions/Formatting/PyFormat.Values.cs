using System.Numerics;

namespace MqttKube.Expressions.Formatting;

internal static partial class PyFormat
{
    private static string FormatString(PyStr value, FormatSpec spec)
    {
        if (spec.Type is not ('\0' or 's'))
        {
            throw UnknownCode(spec.Type, "str");
        }

        if (spec.Sign != '\0')
        {
            throw PyException.Value("Sign not allowed in string format specifier");
        }

        if (spec.Alternate)
        {
            throw PyException.Value("Alternate form (#) not allowed in string format specifier");
        }

        if (spec.Align == '=')
        {
            throw PyException.Value("'=' alignment not allowed in string format specifier");
        }

        if (spec.Grouping != '\0')
        {
            throw PyException.Value("Cannot specify '" + spec.Grouping + "' with 's'.");
        }

        var text = value.Value;
        var length = value.Length;
        if (spec.Precision >= 0 && spec.Precision < length)
        {
            text = value.Slice(0, spec.Precision);
            length = spec.Precision;
        }

        return Pad(string.Empty, text, length, spec);
    }

    private static string FormatInt(PyInt value, FormatSpec spec)
    {
        var type = spec.Type;
        if (type is 'e' or 'E' or 'f' or 'F' or 'g' or 'G' or '%')
        {
            return FormatFloat(value.ToDouble(), spec);
        }

        if (spec.Precision >= 0)
        {
            throw PyException.Value("Precision not allowed in integer format specifier");
        }

        var big = value.Big;
        if (type == 'c')
        {
            if (spec.Sign != '\0')
            {
                throw PyException.Value("Sign not allowed with integer format specifier 'c'");
            }

            if (spec.Alternate)
            {
                throw PyException.Value("Alternate form (#) not allowed with integer format specifier 'c'");
            }

            if (big.Sign < 0 || big > 0x10FFFF)
            {
                throw PyException.Overflow("%c arg not in range(0x110000)");
            }

            var ch = (int)big;
            return Pad(string.Empty, ch < 0x10000 ? ((char)ch).ToString() : char.ConvertFromUtf32(ch), 1, spec);
        }

        var (radix, prefix) = type switch
        {
            '\0' or 'd' or 'n' => (10, string.Empty),
            'b' => (2, "0b"),
            'o' => (8, "0o"),
            'x' => (16, "0x"),
            'X' => (16, "0X"),
            _ => throw UnknownCode(type, "int"),
        };
        if (type == 'n' && spec.Grouping != '\0')
        {
            throw PyException.Value("Cannot specify '" + spec.Grouping + "' with 'n'.");
        }

        var digits = ToRadix(BigInteger.Abs(big), radix);
        if (type == 'X')
        {
            digits = digits.ToUpperInvariant();
        }

        var sign = big.Sign < 0 ? "-" : spec.Sign is '+' or ' ' ? spec.Sign.ToString() : string.Empty;
        return Number(sign + (spec.Alternate ? prefix : string.Empty), digits, string.Empty, spec, radix == 10 ? 3 : 4);
    }

    /// <summary>The digits of a non-negative value; radix 2, 8 and 16 take bits straight from the bytes (linear).</summary>
    private static string ToRadix(BigInteger value, int radix)
    {
        if (radix == 10)
        {
            return PyInt.From(value).ToDecimal();
        }

        if (value.IsZero)
        {
            return "0";
        }

        var bitsPerDigit = radix switch { 2 => 1, 8 => 3, _ => 4 };
        var bits = value.GetBitLength();
        var length = (int)((bits + bitsPerDigit - 1) / bitsPerDigit);
        PyOps.ChargeChars(length);
        var bytes = value.ToByteArray(isUnsigned: true, isBigEndian: false);
        var chars = new char[length];
        for (var i = 0; i < length; i++)
        {
            var bit = i * bitsPerDigit;
            var word = bytes[bit / 8] | (bit / 8 + 1 < bytes.Length ? bytes[(bit / 8) + 1] << 8 : 0);
            var digit = (word >> (bit % 8)) & (radix - 1);
            chars[length - 1 - i] = (char)(digit < 10 ? '0' + digit : 'a' + digit - 10);
        }

        return new string(chars);
    }

    private static PyException UnknownCode(char type, string typeName) =>
        PyException.Value("Unknown format code '" + type + "' for object of type '" + typeName + "'");
}
