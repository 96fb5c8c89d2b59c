using MqttKube.Expressions;
using MqttKube.Expressions.Regex;

namespace MqttKube.ValueMapping;

/// <summary>
/// <c>re:PATTERN</c>: the value is a string and PATTERN matches at its start (Python <c>re.match</c>). A match that
/// runs into the regex timeout spends the value map's work budget, so timeouts do not add up over many keys.
/// </summary>
internal sealed class RegexMatcher(PyRegex regex) : IMatcher
{
    public bool Matches(in MapValue value, out IReadOnlyList<KeyValuePair<string, string?>>? groups)
    {
        groups = null;
        if (!value.TryGetString(out var text))
        {
            return false;
        }

        if (!regex.TryMatch(text, out var match, out var timedOut) || match is null)
        {
            if (timedOut is not null)
            {
                WorkMeter.Current?.Exhaust();
            }

            return false;
        }

        groups = match.Groups;
        return true;
    }
}
