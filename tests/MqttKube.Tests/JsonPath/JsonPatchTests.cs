using System.Text.Json.Nodes;
using MqttKube.FakeKube;
using MqttKube.JsonPath;

namespace MqttKube.Tests.JsonPath;

/// <summary>The operations the loci plan, as the API server receives them; and the JSON Patch the fakes apply them with.</summary>
public sealed class JsonPatchTests
{
    [Fact]
    public void Operations_serialize_as_an_RFC_6902_document()
    {
        var ops = new[]
        {
            JsonPatchOperation.Test("/metadata/resourceVersion", JsonValue.Create("42")),
            JsonPatchOperation.Replace("/spec/replicas", JsonValue.Create(0)),
            JsonPatchOperation.Add("/a~1b", null),
            JsonPatchOperation.Remove("/x"),
        };

        Assert.Equal(
            """[{"op":"test","path":"/metadata/resourceVersion","value":"42"},{"op":"replace","path":"/spec/replicas","value":0},{"op":"add","path":"/a~1b","value":null},{"op":"remove","path":"/x"}]""",
            new JsonArray([.. ops.Select(o => o.ToJsonNode())]).ToJsonString());
    }

    [Fact]
    public void Apply_follows_RFC_6902()
    {
        var doc = JsonPatch.Apply(JsonNode.Parse("""{"a":{"b":[1,2]},"x~y":1,"gone":true}""")!, Ops(
            JsonPatchOperation.Add("/a/b/1", JsonValue.Create(9)),
            JsonPatchOperation.Add("/a/b/-", JsonValue.Create(3)),
            JsonPatchOperation.Replace("/x~0y", JsonValue.Create(2)),
            JsonPatchOperation.Remove("/gone"),
            JsonPatchOperation.Test("/a/b/0", JsonValue.Create(1.0))));

        Assert.Equal("""{"a":{"b":[1,9,2,3]},"x~y":2}""", doc.ToJsonString());
    }

    [Theory]
    [InlineData("""{"op":"test","path":"/a","value":2}""")]
    [InlineData("""{"op":"replace","path":"/missing","value":2}""")]
    [InlineData("""{"op":"add","path":"/missing/b","value":2}""")]
    [InlineData("""{"op":"remove","path":"/l/5"}""")]
    public void Apply_refuses_what_cannot_be_applied(string op)
    {
        Assert.Throws<JsonPatchException>(() => JsonPatch.Apply(JsonNode.Parse("""{"a":1,"l":[0]}""")!, new JsonArray(JsonNode.Parse(op))));
    }

    private static JsonArray Ops(params JsonPatchOperation[] ops) => new([.. ops.Select(o => o.ToJsonNode())]);
}
