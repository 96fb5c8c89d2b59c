using System.Text.Json.Nodes;
using CsCheck;
using MqttKube.JsonPath;
using Xunit.Abstractions;

namespace MqttKube.Tests.Fuzz;

/// <summary>
/// JSONPath under random queries × random documents (issue 9, section 6): parsing never throws and an invalid query
/// has a column; evaluation gives nodes or the budget error, within 64 MB; a query the RFC model answers gets the
/// model's nodes and paths; the locus syntax agrees with the strict one; the singular fast path agrees with the
/// full evaluation.
/// </summary>
public sealed class JsonPathFuzzTests(ITestOutputHelper output)
{
    private const int ModelNodes = 20_000;

    /// <summary>
    /// What one parse or evaluation may allocate: the budget's 1,000,000 steps at 128 bytes each (garbage of the walk:
    /// node lists, filter sub-queries; the live set is far smaller).
    /// </summary>
    private const long EvaluationBytes = 128L * 1024 * 1024;

    [Fact]
    public void Queries_select_what_RFC_9535_says_or_stop_at_the_budget() =>
        Fuzz.Check(output, "jsonpath queries", Gen.Select(JsonPathGen.Queries, JsonGen.Document), 2500, c =>
        {
            var (query, document) = c;
            var strict = Run(query.Text, JsonPathSyntax.Strict, document);
            var locus = Run(query.Text, JsonPathSyntax.Locus, document);
            if (query.Segments is not null)
            {
                Assert.True(strict is not null, "a valid RFC 9535 query was refused");
            }

            if (strict is { Nodes: { } nodes } && locus is { Nodes: { } other })
            {
                Assert.Equal(Paths(nodes), Paths(other));
            }

            if (strict?.Nodes is not { } found)
            {
                Fuzz.Outcome(strict is null ? "invalid" : "over budget");
                return;
            }

            var (size, depth) = JsonPathModel.Size(document);
            if (query.Segments is null || size > ModelNodes)
            {
                Fuzz.Outcome("evaluated");
                return;
            }

            Fuzz.Outcome("checked against the model");
            var expected = JsonPathModel.Evaluate(document, query.Segments);
            Assert.Equal(expected.Select(e => e.Path), Paths(found));
            Assert.True(expected.Zip(found).All(p => ReferenceEquals(p.First.Node, p.Second.Value)), "the same paths but other nodes");
        }, c => c.Item1.Text + "\n  document: " + Fuzz.Shorten(JsonGen.Text(c.Item2)));

    [Fact]
    public void Every_node_is_a_descendant_and_an_array_wildcard_is_its_items() =>
        Fuzz.Check(output, "jsonpath descendants", JsonGen.Document, 300, document =>
        {
            var (size, _) = JsonPathModel.Size(document);
            var all = Parse("$..*");
            var (counted, nodes) = Fuzz.Bounded(() => (all.TryEvaluate(document, out var n, out _), n), EvaluationBytes);
            Fuzz.Outcome(counted ? "counted" : "over budget");
            if (counted)
            {
                Assert.Equal(size - 1, nodes!.Count);
            }

            if (document is JsonArray array && Parse("$[*]").TryEvaluate(document, out var items, out _))
            {
                Assert.True(items.Select(i => i.Value).SequenceEqual(array), "$[*] is not the array's items");
            }
        }, d => Fuzz.Shorten(JsonGen.Text(d)));

    private static JsonPathQuery Parse(string text) =>
        JsonPathQuery.TryParse(text, JsonPathSyntax.Strict, out var query, out var error) ? query : throw new InvalidOperationException(error.Message);

    private static List<string> Paths(IReadOnlyList<JsonPathNode> nodes) => [.. nodes.Select(n => n.Path)];

    /// <summary>Parses and evaluates; null when the query is invalid, no nodes when it is over budget.</summary>
    private static (IReadOnlyList<JsonPathNode>? Nodes, string? Error)? Run(string text, JsonPathSyntax syntax, JsonNode? document)
    {
        var parsed = Fuzz.Bounded(() => (JsonPathQuery.TryParse(text, syntax, out var q, out var e), q, e), EvaluationBytes);
        if (!parsed.Item1)
        {
            Assert.InRange(parsed.e!.Column, 1, text.Length + 1);
            return null;
        }

        var query = parsed.q!;
        var evaluated = Fuzz.Bounded(() => (query.TryEvaluate(document, out var n, out var e, paths: true), n, e), EvaluationBytes);
        if (!evaluated.Item1)
        {
            Assert.False(string.IsNullOrEmpty(evaluated.e));
            return (null, evaluated.e);
        }

        var nodes = evaluated.n!;
        if (query.IsSingular)
        {
            var single = Fuzz.Bounded(() => (query.TryGetSingle(document, out var v), v), EvaluationBytes);
            Assert.Equal(nodes.Count == 1, single.Item1);
            Assert.True(!single.Item1 || ReferenceEquals(nodes[0].Value, single.v), "the singular fast path found another node");
        }

        return (nodes, null);
    }
}
