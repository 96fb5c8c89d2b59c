using System.Globalization;
using System.Text;

namespace MqttKube.Expressions.Regex;

internal static partial class PatternTranslator
{
    private static int Escape(string pattern, int i, StringBuilder sb, bool inClass, List<string> groupNames)
    {
        if (i + 1 >= pattern.Length)
        {
            throw new ArgumentException("bad escape (end of pattern)");
        }

        var e = pattern[i + 1];
        if (e == 'Z')
        {
            sb.Append(inClass ? throw new ArgumentException("bad escape \\Z") : "\\z");
            return i + 1;
        }

        if (e == 'U')
        {
            var hex = i + 10 <= pattern.Length ? pattern.Substring(i + 2, 8) : string.Empty;
            if (!int.TryParse(hex, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code) || code < 0 || code > 0x10FFFF)
            {
                throw new ArgumentException("bad escape \\U");
            }

            sb.Append(System.Text.RegularExpressions.Regex.Escape(char.ConvertFromUtf32(code)));
            return i + 9;
        }

        if (char.IsAsciiDigit(e) && e != '0' && !inClass)
        {
            var j = i + 1;
            while (j < pattern.Length && j < i + 3 && char.IsAsciiDigit(pattern[j]))
            {
                j++;
            }

            var number = int.Parse(pattern.AsSpan(i + 1, j - i - 1), CultureInfo.InvariantCulture);
            if (number > groupNames.Count)
            {
                throw new ArgumentException("invalid group reference " + number);
            }

            sb.Append("\\k<").Append(groupNames[number - 1]).Append('>');
            return j - 1;
        }

        if (char.IsAsciiLetter(e) && !PythonLetterEscapes.Contains(e))
        {
            throw new ArgumentException("bad escape \\" + e);
        }

        if (e == 'b' && inClass)
        {
            sb.Append("\\u0008");
            return i + 1;
        }

        sb.Append('\\').Append(e);
        return i + 1;
    }
}
