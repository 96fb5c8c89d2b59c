using System.Globalization;
using System.Text;

namespace MqttKube.Expressions.Regex;

/// <summary>
/// Rewrites a Python <c>re</c> pattern into .NET syntax with the same meaning: <c>(?P&lt;n&gt;…)</c>, <c>(?P=n)</c>,
/// <c>\Z</c>, <c>{,n}</c>, Python's group numbering (every group is named so .NET numbers them in order), and refuses
/// constructs Python lacks or .NET reads differently (with an <see cref="ArgumentException"/>).
/// </summary>
internal static partial class PatternTranslator
{
    internal const string HiddenPrefix = "__pyg";

    private const string PythonLetterEscapes = "abBdDfnrsStvwWxuUZA";

    public static (string Pattern, List<string> Names) Translate(string pattern)
    {
        var names = new List<string>();
        var groupNames = new List<string>(); // Python group number - 1 → .NET name
        var sb = new StringBuilder();
        var inClass = false;
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            if (c == '\\')
            {
                i = Escape(pattern, i, sb, inClass, groupNames);
                continue;
            }

            if (inClass)
            {
                if (c == ']' && !IsClassStart(pattern, i))
                {
                    inClass = false;
                }
                else if (c == '-' && i + 1 < pattern.Length && pattern[i + 1] == '[')
                {
                    throw new ArgumentException("'-[' inside a character class means subtraction in .NET; escape the '['");
                }
                else if (c == '[')
                {
                    sb.Append('\\');
                }

                sb.Append(c);
                continue;
            }

            switch (c)
            {
                case '[':
                    inClass = true;
                    sb.Append(c);
                    if (i + 1 < pattern.Length && pattern[i + 1] == '^')
                    {
                        sb.Append('^');
                        i++;
                    }

                    if (i + 1 < pattern.Length && pattern[i + 1] == ']')
                    {
                        sb.Append("\\]");
                        i++;
                    }

                    continue;
                case '(':
                    i = Group(pattern, i, sb, names, groupNames);
                    continue;
                case '{' when i + 1 < pattern.Length && pattern[i + 1] == ',':
                    var close = pattern.IndexOf('}', i);
                    if (close > i + 1 && pattern.AsSpan(i + 2, close - i - 2).IndexOfAnyExceptInRange('0', '9') < 0)
                    {
                        sb.Append("{0,");
                        i++;
                        continue;
                    }

                    sb.Append("\\{");
                    continue;
                case '*' or '+' or '?' or '}' when i + 1 < pattern.Length && pattern[i + 1] == '+':
                    throw new ArgumentException("possessive quantifiers are not supported");
            }

            sb.Append(c);
        }

        if (inClass)
        {
            throw new ArgumentException("unterminated character set");
        }

        return (sb.ToString(), names);
    }

    private static bool IsClassStart(string pattern, int i) => pattern[i - 1] == '[' || (pattern[i - 1] == '^' && i >= 2 && pattern[i - 2] == '[');

    private static int Group(string pattern, int i, StringBuilder sb, List<string> names, List<string> groupNames)
    {
        if (i + 1 >= pattern.Length || pattern[i + 1] != '?')
        {
            var hidden = HiddenPrefix + (groupNames.Count + 1).ToString(CultureInfo.InvariantCulture);
            groupNames.Add(hidden);
            sb.Append("(?<").Append(hidden).Append('>');
            return i;
        }

        var rest = pattern.AsSpan(i + 2);
        if (rest.StartsWith("P<"))
        {
            var end = pattern.IndexOf('>', i + 4);
            var name = end < 0 ? string.Empty : pattern[(i + 4)..end];
            if (name.Length == 0 || !IsIdentifier(name) || name.StartsWith(HiddenPrefix, StringComparison.Ordinal))
            {
                throw new ArgumentException("bad character in group name '" + name + "'");
            }

            if (names.Contains(name))
            {
                throw new ArgumentException("redefinition of group name '" + name + "'");
            }

            names.Add(name);
            groupNames.Add(name);
            sb.Append("(?<").Append(name).Append('>');
            return end;
        }

        if (rest.StartsWith("P="))
        {
            var end = pattern.IndexOf(')', i);
            var name = end < 0 ? string.Empty : pattern[(i + 4)..end];
            if (!names.Contains(name))
            {
                throw new ArgumentException("unknown group name '" + name + "'");
            }

            sb.Append("\\k<").Append(name).Append('>');
            return end;
        }

        if (rest.StartsWith("("))
        {
            // Conditional (?(name)yes|no) or (?(1)yes|no): the condition names a group.
            var end = pattern.IndexOf(')', i + 3);
            var condition = end < 0 ? string.Empty : pattern[(i + 3)..end];
            if (int.TryParse(condition, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number >= 1 && number <= groupNames.Count)
            {
                condition = groupNames[number - 1];
            }
            else if (!names.Contains(condition))
            {
                throw new ArgumentException("unknown group name '" + condition + "'");
            }

            sb.Append("(?(").Append(condition).Append(')');
            return end;
        }

        if (rest.StartsWith("<") && !rest.StartsWith("<=") && !rest.StartsWith("<!"))
        {
            throw new ArgumentException("unknown extension ?<" + (rest.Length > 1 ? rest[1].ToString() : string.Empty));
        }

        if (rest.StartsWith("'") || rest.StartsWith("P>") || rest.StartsWith("P"))
        {
            throw new ArgumentException("unknown extension ?" + rest[0]);
        }

        if (rest.Length > 0 && char.IsAsciiLetter(rest[0]) || (rest.Length > 0 && rest[0] == '-'))
        {
            if (rest.IndexOfAny("aLu") >= 0 && rest.IndexOfAny("aLu") < rest.IndexOfAny(":)"))
            {
                throw new ArgumentException("the a, L and u inline flags are not supported");
            }

            if (i != 0 && rest.IndexOf(')') < (rest.IndexOf(':') < 0 ? int.MaxValue : rest.IndexOf(':')))
            {
                throw new ArgumentException("global flags not at the start of the expression");
            }
        }

        sb.Append('(');
        return i;
    }

    private static bool IsIdentifier(string name) =>
        (char.IsLetter(name[0]) || name[0] == '_') && name.All(ch => char.IsLetterOrDigit(ch) || ch == '_');
}
