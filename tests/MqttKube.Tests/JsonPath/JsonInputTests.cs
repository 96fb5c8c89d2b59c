using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using MqttKube.JsonPath;
using MqttKube.ValueMapping;

namespace MqttKube.Tests.JsonPath;

/// <summary>The one JSON reading policy; documents nested deeper than a few hundred levels are built node by node.</summary>
public sealed class JsonInputTests
{
    private const string Scalars = "{\"s\":\"t\\u00e9xt \\ud83d\\ude00\",\"i\":12345678901234567890123,\"f\":1.0,\"e\":1e400,\"n\":null,\"t\":true,\"b\":false,\"a\":[1,\"x\",null,{}]}";

    [Theory]
    [InlineData(1)]
    [InlineData(300)]
    [InlineData(9_000)]
    public void Shallow_and_deep_documents_read_the_same_values(int depth)
    {
        var json = Nest(Scalars, depth);

        Assert.True(JsonInput.TryParse(json, JsonInput.MaxDepth, out var node, out var error), error?.ToString());

        var leaf = node;
        for (var i = 0; i < depth; i++)
        {
            leaf = leaf!["x"];
        }

        var expected = JsonNode.Parse(Scalars)!;
        Assert.Equal(expected.ToJsonString(), leaf!.ToJsonString());
        Assert.Equal(PayloadText.Of(expected), PayloadText.Of(leaf));
        Assert.Equal(1.0, leaf["f"]!.GetValue<double>());
        Assert.Equal(1, (int)leaf["a"]![0]!);
        Assert.Equal("t\u00e9xt \U0001F600", (string?)leaf["s"]);
        Assert.Equal(JsonValueKind.Number, leaf["i"]!.GetValueKind());
        Assert.True(JsonValueComparer.DeepEquals(expected, leaf));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(300)]
    public void A_repeated_key_is_refused_where_it_stands_at_any_depth(int depth)
    {
        var json = Nest("{\"a\":1,\n\"a\":2}", depth);

        Assert.False(JsonInput.TryParse(json, JsonInput.MaxDepth, out _, out var error));

        Assert.Equal(2, error.Line);
        Assert.Equal(1, error.Column);
        Assert.Equal("the key \"a\" appears twice in one object (which value counts would be undefined)", error.Message);
    }

    [Fact]
    public void The_depth_limit_is_explicit()
    {
        Assert.True(JsonInput.TryParse(Nest("1", 63), JsonInput.PayloadMaxDepth, out _, out _));
        Assert.False(JsonInput.TryParse(Nest("1", 65), JsonInput.PayloadMaxDepth, out _, out var error));
        Assert.Contains("64", error.Message);
    }

    private static string Nest(string inner, int depth) =>
        new StringBuilder().Insert(0, "{\"x\":", depth).Append(inner).Append('}', depth).ToString();
}
