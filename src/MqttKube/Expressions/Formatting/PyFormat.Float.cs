namespace MqttKube.Expressions.Formatting;

internal static partial class PyFormat
{
    private static string FormatFloat(double value, FormatSpec spec)
    {
        var type = spec.Type;
        var precision = spec.Precision;
        var addDot0 = false;
        var percent = false;
        char code;
        switch (type)
        {
            case '\0':
                addDot0 = true;
                code = precision < 0 ? 'r' : 'g';
                break;
            case 'e' or 'E' or 'f' or 'F' or 'g' or 'G':
                code = char.ToLowerInvariant(type);
                break;
            case 'n':
                code = 'g';
                break;
            case '%':
                code = 'f';
                percent = true;
                value *= 100;
                break;
            default:
                throw UnknownCode(type, "float");
        }

        if (precision < 0)
        {
            precision = code == 'r' ? 0 : 6;
        }

        // A precision is a size (digits to write): refused before anything is allocated when it passes the cap.
        if (precision > PyOps.MaxLength)
        {
            throw PyException.Limit("format precision too large (more than " + PyOps.MaxLength + ")");
        }

        // The digits pass through the layout, the sign and grouping split and the padding: a few copies each; and each
        // value formatted builds the digits, the sign and digit split and the padded text: about 250 bytes whatever its size.
        WorkMeter.Chars(2L * precision);
        WorkMeter.Values(8);

        if (type == 'n' && spec.Grouping != '\0')
        {
            throw PyException.Value("Cannot specify '" + spec.Grouping + "' with 'n'.");
        }

        var text = FloatFormatter.Format(value, code, precision, addDot0, spec.Alternate);
        if (type is 'E' or 'F' or 'G')
        {
            text = text.ToUpperInvariant();
        }

        if (percent)
        {
            text += "%";
        }

        var negative = text.StartsWith('-');
        if (negative)
        {
            text = text[1..];
            if (spec.NoNegativeZero && text.All(c => c is '0' or '.' or 'e' or 'E' or '+' or '-' or '%'))
            {
                negative = text.Contains('e', StringComparison.OrdinalIgnoreCase) && !IsZeroMantissa(text);
            }
        }

        var sign = negative ? "-" : spec.Sign is '+' or ' ' ? spec.Sign.ToString() : string.Empty;

        // Digits before the decimal point are grouped; '.', fraction, exponent and '%' are the remainder.
        var split = 0;
        while (split < text.Length && char.IsAsciiDigit(text[split]))
        {
            split++;
        }

        if (split == 0)
        {
            // inf / nan: nothing to group.
            return Number(sign, text, string.Empty, spec, 0);
        }

        return Number(sign, text[..split], text[split..], spec, 3);
    }

    private static bool IsZeroMantissa(string text) => text.TakeWhile(c => c is not ('e' or 'E')).All(c => c is '0' or '.');
}
