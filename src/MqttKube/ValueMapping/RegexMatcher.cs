using MqttKube.Expressions.Regex;

namespace MqttKube.ValueMapping;

/// <summary><c>re:PATTERN</c>: the value is a string and PATTERN matches at its start (Python <c>re.match</c>).</summary>
internal sealed class RegexMatcher(PyRegex regex) : IMatcher
{
    public bool Matches(in MapValue value, out IReadOnlyList<KeyValuePair<string, string?>>? groups)
    {
        groups = null;
        if (!value.TryGetString(out var text) || !regex.TryMatch(text, out var match, out _) || match is null)
        {
            return false;
        }

        groups = match.Groups;
        return true;
    }
}
