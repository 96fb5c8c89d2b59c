using System.Text.Json.Nodes;
using MqttKube.JsonPath;

namespace MqttKube.Tests.JsonPath;

/// <summary>The cases of <c>Cases/locus-syntax.json</c>: compatibility forms and extra RFC 9535 checks.</summary>
public sealed class LocusSyntaxTests
{
    private const string File = "locus-syntax.json";

    public static TheoryData<string> Cases() => CaseFile.Names(File);

    [Theory]
    [MemberData(nameof(Cases))]
    public void Query(string name)
    {
        var test = CaseFile.Load(File)[name];
        var selector = test["selector"]!.GetValue<string>();
        var syntax = test["syntax"]!.GetValue<string>() == "strict" ? JsonPathSyntax.Strict : JsonPathSyntax.Locus;
        var parsed = JsonPathQuery.TryParse(selector, syntax, out var query, out var error);
        if (test["invalid_selector"] is not null)
        {
            Assert.False(parsed, $"'{selector}' must be rejected");
            if (test["error_column"] is { } column)
            {
                Assert.Equal(column.GetValue<int>(), error!.Column);
            }

            Assert.False(string.IsNullOrWhiteSpace(error!.Message));
            return;
        }

        Assert.True(parsed, $"'{selector}' must parse, but: {error}");
        var nodes = query!.Evaluate(test["document"]);
        var values = new JsonArray([.. nodes.Select(n => n.Value?.DeepClone())]);
        Assert.True(JsonNode.DeepEquals(test["result"], values), $"got {values.ToJsonString()}");
        if (test["result_paths"] is JsonArray paths)
        {
            Assert.Equal(paths.Select(p => p!.GetValue<string>()), nodes.Select(n => n.Path));
        }

        // The allocation-free single-value path agrees with the node list.
        var single = query.TryGetSingle(test["document"], out var value);
        Assert.Equal(nodes.Count == 1, single);
        if (single)
        {
            Assert.True(JsonNode.DeepEquals(nodes[0].Value, value));
        }
    }
}
