using System.Globalization;
using System.Numerics;

namespace MqttKube.Configuration.Yaml;

/// <summary>
/// A scalar, resolved by YAML 1.2 core-schema rules with the original's deliberate exception kept:
/// <c>on</c>, <c>off</c>, <c>yes</c>, <c>no</c> are strings (as in YAML 1.2 itself). Quoted scalars are strings.
/// </summary>
internal sealed class YamlScalar : YamlNode
{
    public YamlScalar(string value, bool quoted, SourcePosition position, string? tag)
        : base(position, tag)
    {
        Value = value;
        Quoted = quoted;
        Kind = Resolve(value, quoted, tag, out var number, out var real, out var boolean);
        Integer = number;
        Float = real;
        Bool = boolean;
    }

    public string Value { get; }

    public override long Size => 1 + Value.Length;

    public bool Quoted { get; }

    public YamlScalarKind Kind { get; }

    public BigInteger Integer { get; }

    public double Float { get; }

    public bool Bool { get; }

    public bool IsNull => Kind == YamlScalarKind.Null;

    public override string Describe() => Kind switch
    {
        YamlScalarKind.Null => "null",
        YamlScalarKind.Bool => $"a boolean ({Value})",
        YamlScalarKind.Int => $"an integer ({Value})",
        YamlScalarKind.Float => $"a number ({Value})",
        _ => $"a string (\"{Shorten(Value)}\")",
    };

    /// <summary>A value as a message quotes it: 40 characters at most, control characters escaped (a message is one line).</summary>
    internal static string Shorten(string text)
    {
        var shown = text.Length <= 40 ? text : text[..37] + "...";
        return shown.Any(char.IsControl) ? ConfigDumpWriter.Quote(shown)[1..^1] : shown;
    }

    private static YamlScalarKind Resolve(string value, bool quoted, string? tag, out BigInteger integer, out double real, out bool boolean)
    {
        integer = default;
        real = default;
        boolean = default;
        if (tag == "tag:yaml.org,2002:str" || (quoted && tag is null))
        {
            return YamlScalarKind.String;
        }

        if (tag is not null && tag.StartsWith('!') && tag != "!")
        {
            return YamlScalarKind.String; // a local tag such as !relpath: its value is text
        }

        switch (value)
        {
            case "" or "~" or "null" or "Null" or "NULL":
                return YamlScalarKind.Null;
            case "true" or "True" or "TRUE":
                boolean = true;
                return YamlScalarKind.Bool;
            case "false" or "False" or "FALSE":
                return YamlScalarKind.Bool;
            case ".inf" or ".Inf" or ".INF" or "+.inf" or "+.Inf" or "+.INF":
                real = double.PositiveInfinity;
                return YamlScalarKind.Float;
            case "-.inf" or "-.Inf" or "-.INF":
                real = double.NegativeInfinity;
                return YamlScalarKind.Float;
            case ".nan" or ".NaN" or ".NAN":
                real = double.NaN;
                return YamlScalarKind.Float;
        }

        if (TryInteger(value, out integer))
        {
            return YamlScalarKind.Int;
        }

        if (IsFloat(value) && double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out real))
        {
            return YamlScalarKind.Float;
        }

        return YamlScalarKind.String;
    }

    private static bool TryInteger(string text, out BigInteger value)
    {
        value = default;
        if (text.Length > 400)
        {
            return false;
        }

        if (text.StartsWith("0x", StringComparison.Ordinal) && text.Length > 2 && text[2..].All(Uri.IsHexDigit))
        {
            value = BigInteger.Parse("0" + text[2..], NumberStyles.HexNumber, CultureInfo.InvariantCulture);
            return true;
        }

        if (text.StartsWith("0o", StringComparison.Ordinal) && text.Length > 2 && text[2..].All(c => c is >= '0' and <= '7'))
        {
            foreach (var c in text[2..])
            {
                value = (value * 8) + (c - '0');
            }

            return true;
        }

        var digits = text.AsSpan(text.Length > 0 && text[0] is '+' or '-' ? 1 : 0);
        if (digits.Length == 0 || digits.ContainsAnyExcept("0123456789"))
        {
            return false;
        }

        value = BigInteger.Parse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
        return true;
    }

    /// <summary>YAML 1.2 core float: <c>[-+]? ( \. [0-9]+ | [0-9]+ ( \. [0-9]* )? ) ( [eE] [-+]? [0-9]+ )?</c>.</summary>
    private static bool IsFloat(string text)
    {
        var i = 0;
        if (i < text.Length && text[i] is '+' or '-')
        {
            i++;
        }

        var intDigits = 0;
        while (i < text.Length && char.IsAsciiDigit(text[i]))
        {
            i++;
            intDigits++;
        }

        var fracDigits = 0;
        if (i < text.Length && text[i] == '.')
        {
            i++;
            while (i < text.Length && char.IsAsciiDigit(text[i]))
            {
                i++;
                fracDigits++;
            }
        }

        if (intDigits == 0 && fracDigits == 0)
        {
            return false;
        }

        if (i < text.Length && text[i] is 'e' or 'E')
        {
            i++;
            if (i < text.Length && text[i] is '+' or '-')
            {
                i++;
            }

            var expDigits = 0;
            while (i < text.Length && char.IsAsciiDigit(text[i]))
            {
                i++;
                expDigits++;
            }

            if (expDigits == 0)
            {
                return false;
            }
        }

        return i == text.Length;
    }
}
