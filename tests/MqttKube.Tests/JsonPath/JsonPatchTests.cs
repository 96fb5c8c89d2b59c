using System.Text.Json.Nodes;
using MqttKube.JsonPath;

namespace MqttKube.Tests.JsonPath;

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
            JsonPatch.ToJsonString(ops));
    }

    [Fact]
    public void Apply_follows_RFC_6902()
    {
        var doc = JsonNode.Parse("""{"a":{"b":[1,2]},"x~y":1,"gone":true}""");
        doc = JsonPatch.Apply(doc, [
            JsonPatchOperation.Add("/a/b/1", JsonValue.Create(9)),
            JsonPatchOperation.Add("/a/b/-", JsonValue.Create(3)),
            JsonPatchOperation.Replace("/x~0y", JsonValue.Create(2)),
            JsonPatchOperation.Remove("/gone"),
            JsonPatchOperation.Test("/a/b/0", JsonValue.Create(1.0)),
        ]);

        Assert.Equal("""{"a":{"b":[1,9,2,3]},"x~y":2}""", doc!.ToJsonString());
    }

    [Theory]
    [InlineData("""{"op":"test","path":"/a","value":2}""")]
    [InlineData("""{"op":"replace","path":"/missing","value":2}""")]
    [InlineData("""{"op":"add","path":"/missing/b","value":2}""")]
    [InlineData("""{"op":"remove","path":"/l/5"}""")]
    [InlineData("""{"op":"add","path":"/l/01","value":2}""")]
    public void Apply_refuses_what_cannot_be_applied(string op)
    {
        var node = JsonNode.Parse(op)!;
        var operation = new JsonPatchOperation(node["op"]!.GetValue<string>(), node["path"]!.GetValue<string>(), node["value"]?.DeepClone());
        Assert.Throws<JsonPatchException>(() => JsonPatch.Apply(JsonNode.Parse("""{"a":1,"l":[0]}"""), [operation]));
    }
}
