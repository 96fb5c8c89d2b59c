namespace MqttKube.Expressions.Regex;

/// <summary>A successful <c>re.match</c>: the matched text and the named groups (None when a group did not take part).</summary>
internal sealed class PyRegexMatch(string value, IReadOnlyList<KeyValuePair<string, string?>> groups)
{
    /// <summary>Python <c>m.group(0)</c>.</summary>
    public string Value { get; } = value;

    /// <summary>Named groups in pattern order; null for a group that did not participate.</summary>
    public IReadOnlyList<KeyValuePair<string, string?>> Groups { get; } = groups;

    /// <summary>Python <c>m.groupdict()</c> as a dict value.</summary>
    public PyValue GroupDict() => PyValue.Dict(Groups.Select(g => new KeyValuePair<string, PyValue>(g.Key, PyValue.From(g.Value))));
}
