using System.Globalization;

namespace MqttKube.Expressions;

/// <summary><c>float(str)</c> with CPython's grammar (underscores between digits, inf/infinity/nan, any case).</summary>
internal static class FloatParser
{
    private static readonly System.Text.RegularExpressions.Regex Grammar = new(
        @"^[+-]?((\d(_?\d)*)(\.(\d(_?\d)*)?)?|\.\d(_?\d)*)([eE][+-]?\d(_?\d)*)?$",
        System.Text.RegularExpressions.RegexOptions.CultureInvariant | System.Text.RegularExpressions.RegexOptions.ECMAScript);

    public static double Parse(string text)
    {
        // Trimmed, lowered and matched copies of the text: charged as the characters they copy.
        WorkMeter.Chars(4L * text.Length);
        var s = StrMethods.TrimSpace(text).ToString();
        var body = s.TrimStart('+', '-');
        var negative = s.StartsWith('-');
        if (s.Length - body.Length <= 1)
        {
            switch (body.ToLowerInvariant())
            {
                case "inf" or "infinity":
                    return negative ? double.NegativeInfinity : double.PositiveInfinity;
                case "nan":
                    return negative ? -double.NaN : double.NaN;
            }
        }

        if (!Grammar.IsMatch(s))
        {
            throw PyException.Value("could not convert string to float: " + PyStr.Quote(text.Length > 200 ? text[..200] : text));
        }

        return double.Parse(s.Replace("_", string.Empty, StringComparison.Ordinal), NumberStyles.Float, CultureInfo.InvariantCulture);
    }
}
