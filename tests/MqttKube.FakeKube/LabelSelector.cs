using System.Text.Json.Nodes;

namespace MqttKube.FakeKube;

/// <summary>Kubernetes label selectors: `a=b`, `a==b`, `a!=b`, `a in (x,y)`, `a notin (x)`, `a`, `!a`.</summary>
public sealed partial class LabelSelector
{
    private readonly List<Func<IReadOnlyDictionary<string, string>, bool>> terms = [];

    private LabelSelector()
    {
    }

    public static LabelSelector Parse(string? text)
    {
        var selector = new LabelSelector();
        if (string.IsNullOrWhiteSpace(text))
        {
            return selector;
        }

        foreach (var raw in SplitTerms(text))
        {
            var term = raw.Trim();
            if (term.Length == 0)
            {
                throw FakeStatus.BadRequest($"unable to parse requirement: found '', expected: identifier");
            }

            selector.terms.Add(ParseTerm(term));
        }

        return selector;
    }

    public bool Matches(JsonNode? obj)
    {
        var labels = new Dictionary<string, string>();
        if (obj?["metadata"]?["labels"] is JsonObject l)
        {
            foreach (var (k, v) in l)
            {
                labels[k] = v?.ToString() ?? "";
            }
        }

        return terms.All(t => t(labels));
    }

    private static IEnumerable<string> SplitTerms(string text)
    {
        var depth = 0;
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            depth += text[i] == '(' ? 1 : text[i] == ')' ? -1 : 0;
            if (text[i] == ',' && depth == 0)
            {
                yield return text[start..i];
                start = i + 1;
            }
        }

        yield return text[start..];
    }

    private static Func<IReadOnlyDictionary<string, string>, bool> ParseTerm(string term)
    {
        if (term.StartsWith('!'))
        {
            var key = Key(term[1..].Trim());
            return labels => !labels.ContainsKey(key);
        }

        var setMatch = System.Text.RegularExpressions.Regex.Match(term, @"^(\S+)\s+(in|notin)\s+\((.*)\)$");
        if (setMatch.Success)
        {
            var key = Key(setMatch.Groups[1].Value);
            var values = setMatch.Groups[3].Value.Split(',').Select(v => Value(v.Trim())).ToHashSet();
            return setMatch.Groups[2].Value == "in"
                ? labels => labels.TryGetValue(key, out var v) && values.Contains(v)
                : labels => !labels.TryGetValue(key, out var v) || !values.Contains(v);
        }

        foreach (var op in new[] { "!=", "==", "=" })
        {
            var at = term.IndexOf(op, StringComparison.Ordinal);
            if (at > 0)
            {
                var key = Key(term[..at].Trim());
                var value = Value(term[(at + op.Length)..].Trim());
                return op == "!="
                    ? labels => !labels.TryGetValue(key, out var v) || v != value
                    : labels => labels.TryGetValue(key, out var v) && v == value;
            }
        }

        if (term.Any(c => char.IsWhiteSpace(c) || c is '(' or ')' or '<' or '>'))
        {
            throw FakeStatus.BadRequest($"unable to parse requirement: {term}");
        }

        var exists = Key(term);
        return labels => labels.ContainsKey(exists);
    }

    /// <summary>A qualified name, as the API server checks a selector's key: [DNS subdomain '/'] name of at most 63.</summary>
    private static string Key(string key)
    {
        var slash = key.LastIndexOf('/');
        var prefix = slash < 0 ? null : key[..slash];
        var name = slash < 0 ? key : key[(slash + 1)..];
        var prefixOk = prefix is null || (prefix.Length is > 0 and <= 253 && prefix.Split('.').All(p => p.Length > 0 && DnsLabel().IsMatch(p)));
        return prefixOk && name.Length is > 0 and <= 63 && LabelText().IsMatch(name)
            ? key
            : throw FakeStatus.BadRequest($"unable to parse requirement: <nil>: Invalid value: \"{key}\": name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character");
    }

    /// <summary>A label value: empty, or at most 63 alphanumerics, '-', '_' and '.', alphanumeric at both ends.</summary>
    private static string Value(string value) =>
        value.Length == 0 || (value.Length <= 63 && LabelText().IsMatch(value))
            ? value
            : throw FakeStatus.BadRequest($"unable to parse requirement: values[0]: Invalid value: \"{value}\": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character");

    [System.Text.RegularExpressions.GeneratedRegex("^[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?$")]
    private static partial System.Text.RegularExpressions.Regex LabelText();

    [System.Text.RegularExpressions.GeneratedRegex("^[a-z0-9]([-a-z0-9]*[a-z0-9])?$")]
    private static partial System.Text.RegularExpressions.Regex DnsLabel();
}
