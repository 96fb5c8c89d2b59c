namespace MqttKube.Expressions.Formatting;

/// <summary>A parsed standard format spec: <c>[[fill]align][sign][z][#][0][width][grouping][.precision][type]</c>.</summary>
internal sealed record FormatSpec(
    char Fill,
    char Align,
    bool AlignGiven,
    char Sign,
    bool NoNegativeZero,
    bool Alternate,
    int Width,
    char Grouping,
    int Precision,
    char Type)
{
    /// <summary>Parses <paramref name="spec"/>; <paramref name="defaultAlign"/> is '&lt;' for str, '&gt;' for numbers.</summary>
    public static FormatSpec Parse(string spec, char defaultAlign, string typeName)
    {
        var pos = 0;
        var fill = ' ';
        var fillGiven = false;
        var align = defaultAlign;
        var alignGiven = false;
        if (spec.Length >= 2 && IsAlign(spec[1]))
        {
            fill = spec[0];
            align = spec[1];
            fillGiven = alignGiven = true;
            pos = 2;
        }
        else if (spec.Length >= 1 && IsAlign(spec[0]))
        {
            align = spec[0];
            alignGiven = true;
            pos = 1;
        }

        var sign = '\0';
        if (pos < spec.Length && spec[pos] is '+' or '-' or ' ')
        {
            sign = spec[pos++];
        }

        var z = false;
        if (pos < spec.Length && spec[pos] == 'z')
        {
            z = true;
            pos++;
        }

        var alternate = false;
        if (pos < spec.Length && spec[pos] == '#')
        {
            alternate = true;
            pos++;
        }

        if (!fillGiven && pos < spec.Length && spec[pos] == '0')
        {
            fill = '0';
            if (!alignGiven && defaultAlign == '>')
            {
                align = '=';
            }

            pos++;
        }

        var width = ReadNumber(spec, ref pos, "Too many decimal digits in format string");
        var grouping = '\0';
        if (pos < spec.Length && spec[pos] is ',' or '_')
        {
            grouping = spec[pos++];
            if (pos < spec.Length && spec[pos] is ',' or '_')
            {
                throw PyException.Value(grouping == spec[pos] ? "Cannot specify '" + grouping + "' with '" + grouping + "'." : "Cannot specify both ',' and '_'.");
            }
        }

        var precision = -1;
        if (pos < spec.Length && spec[pos] == '.')
        {
            pos++;
            precision = ReadNumber(spec, ref pos, "Too many decimal digits in format string");
            if (precision < 0)
            {
                throw PyException.Value("Format specifier missing precision");
            }
        }

        if (spec.Length - pos > 1)
        {
            throw PyException.Value("Invalid format specifier '" + spec + "' for object of type '" + typeName + "'");
        }

        var type = pos < spec.Length ? spec[pos] : '\0';
        if (grouping != '\0' && type != '\0' && "dbxXoeEfFgG%".IndexOf(type) < 0)
        {
            throw PyException.Value("Cannot specify '" + grouping + "' with '" + type + "'.");
        }

        if (grouping == ',' && type is 'b' or 'x' or 'X' or 'o')
        {
            throw PyException.Value("Cannot specify ',' with '" + type + "'.");
        }

        return new FormatSpec(fill, align, alignGiven, sign, z, alternate, width, grouping, precision, type);
    }

    private static bool IsAlign(char c) => c is '<' or '>' or '=' or '^';

    private static int ReadNumber(string spec, ref int pos, string overflowMessage)
    {
        var start = pos;
        long value = 0;
        while (pos < spec.Length && char.IsAsciiDigit(spec[pos]))
        {
            value = (value * 10) + (spec[pos] - '0');
            if (value > int.MaxValue)
            {
                throw PyException.Value(overflowMessage);
            }

            pos++;
        }

        return pos == start ? -1 : (int)value;
    }
}
