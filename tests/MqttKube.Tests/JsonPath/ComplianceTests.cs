using System.Text.Json.Nodes;
using MqttKube.JsonPath;

namespace MqttKube.Tests.JsonPath;

/// <summary>Every case of the RFC 9535 JSONPath compliance test suite.</summary>
public sealed class ComplianceTests
{
    public static TheoryData<string> AllCases() => [.. ComplianceSuite.Cases.Keys];

    public static TheoryData<string> ValidCases() =>
        [.. ComplianceSuite.Cases.Where(c => c.Value["invalid_selector"] is null).Select(c => c.Key)];

    [Fact]
    public void The_suite_is_all_there()
    {
        Assert.True(ComplianceSuite.Cases.Count >= 700, $"only {ComplianceSuite.Cases.Count} cases loaded");
    }

    [Theory]
    [MemberData(nameof(AllCases))]
    public void Strict_syntax_conforms(string name) => Check(ComplianceSuite.Cases[name], JsonPathSyntax.Strict);

    /// <summary>The locus syntax is a superset: every valid query keeps its meaning.</summary>
    [Theory]
    [MemberData(nameof(ValidCases))]
    public void Locus_syntax_keeps_the_meaning_of_valid_queries(string name) =>
        Check(ComplianceSuite.Cases[name], JsonPathSyntax.Locus);

    private static void Check(JsonObject test, JsonPathSyntax syntax)
    {
        var selector = test["selector"]!.GetValue<string>();
        var parsed = JsonPathQuery.TryParse(selector, syntax, out var query, out var error);
        if (test["invalid_selector"] is not null)
        {
            Assert.False(parsed, $"'{selector}' must be rejected");
            Assert.InRange(error!.Column, 1, selector.Length + 1);
            return;
        }

        Assert.True(parsed, $"'{selector}' must parse, but: {error}");
        var nodes = query!.Evaluate(test["document"]);
        var values = new JsonArray([.. nodes.Select(n => n.Value?.DeepClone())]);
        var paths = new JsonArray([.. nodes.Select(n => (JsonNode?)JsonValue.Create(n.Path))]);

        var expectations = test["result"] is { } one
            ? [(one, test["result_paths"])]
            : test["results"]!.AsArray().Select((r, i) => (r!, test["results_paths"]?[i])).ToList();
        Assert.True(
            expectations.Any(e => JsonNode.DeepEquals(e.Item1, values) && (e.Item2 is null || JsonNode.DeepEquals(e.Item2, paths))),
            $"'{selector}' gave {values.ToJsonString()} at {paths.ToJsonString()}; expected {string.Join(" or ", expectations.Select(e => $"{e.Item1.ToJsonString()} at {e.Item2?.ToJsonString()}"))}");
    }
}
