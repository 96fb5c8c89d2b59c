using System.Text.Json.Nodes;

namespace MqttKube.JsonPath;

/// <summary>
/// One RFC 6902 operation: <paramref name="Op"/> is <c>add</c>, <c>replace</c>, <c>remove</c>,
/// <c>test</c> (or <c>move</c>/<c>copy</c> with <paramref name="From"/>); <paramref name="Path"/> is a JSON Pointer.
/// <paramref name="Value"/> is the value of <c>add</c>/<c>replace</c>/<c>test</c> (<see langword="null"/> is JSON null).
/// </summary>
internal sealed record JsonPatchOperation(string Op, string Path, JsonNode? Value = null, string? From = null)
{
    public static JsonPatchOperation Add(string path, JsonNode? value) => new("add", path, value);

    public static JsonPatchOperation Replace(string path, JsonNode? value) => new("replace", path, value);

    public static JsonPatchOperation Remove(string path) => new("remove", path);

    public static JsonPatchOperation Test(string path, JsonNode? value) => new("test", path, value);

    public bool HasValue => Op is "add" or "replace" or "test";

    /// <summary><c>{"op":…,"path":…,"value":…}</c> (a fresh node each call).</summary>
    public JsonNode ToJsonNode()
    {
        var obj = new JsonObject { ["op"] = Op };
        if (From is not null)
        {
            obj["from"] = From;
        }

        obj["path"] = Path;
        if (HasValue)
        {
            obj["value"] = Value?.DeepClone();
        }

        return obj;
    }

    public override string ToString() => ToJsonNode().ToJsonString();
}
