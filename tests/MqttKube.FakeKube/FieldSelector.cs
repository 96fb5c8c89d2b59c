using System.Text.Json.Nodes;

namespace MqttKube.FakeKube;

/// <summary>Field selectors as the real server takes them for most kinds: `metadata.name` and `metadata.namespace`, with =, == or !=.</summary>
public sealed class FieldSelector
{
    private readonly List<(string Field, bool Equal, string Value)> terms = [];

    private FieldSelector()
    {
    }

    public static FieldSelector Parse(string? text)
    {
        var selector = new FieldSelector();
        foreach (var term in (text ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var (field, equal, value) = term.IndexOf("!=", StringComparison.Ordinal) is var ne and > 0 ? (term[..ne], false, term[(ne + 2)..])
                : term.IndexOf('=') is var eq and > 0 ? (term[..eq], true, term[(eq + 1)..].TrimStart('='))
                : throw FakeStatus.BadRequest($"invalid selector: '{text}'; can't understand '{term}'");
            if (field is not ("metadata.name" or "metadata.namespace"))
            {
                throw FakeStatus.BadRequest($"\"{field}\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\"");
            }

            selector.terms.Add((field, equal, value));
        }

        return selector;
    }

    public bool Matches(JsonNode? obj) =>
        terms.All(t => ((string?)obj?["metadata"]?[t.Field["metadata.".Length..]] ?? "") == t.Value == t.Equal);
}
