using System.Globalization;
using System.Text.Json.Nodes;

namespace MqttKube.JsonPath;

/// <summary>Applies RFC 6902 JSON Patches to <see cref="JsonNode"/> documents (for tests and the fake API server).</summary>
internal static class JsonPatch
{
    /// <summary>The operations as a JSON Patch document: a compact JSON array.</summary>
    public static string ToJsonString(IEnumerable<JsonPatchOperation> ops) =>
        new JsonArray([.. ops.Select(op => op.ToJsonNode())]).ToJsonString();

    /// <summary>
    /// Applies <paramref name="ops"/> in order, changing <paramref name="root"/> in place, and returns
    /// the resulting document (a different node only when the whole document is replaced).
    /// Throws <see cref="JsonPatchException"/> when an operation cannot be applied; RFC 6902 makes a
    /// patch atomic, so callers that need that apply to a copy (<see cref="JsonNode.DeepClone"/>).
    /// </summary>
    public static JsonNode? Apply(JsonNode? root, IEnumerable<JsonPatchOperation> ops)
    {
        foreach (var op in ops)
        {
            root = op.Op switch
            {
                "add" => Add(root, op.Path, op.Value?.DeepClone()),
                "replace" => Add(Remove(root, op.Path, out _), op.Path, op.Value?.DeepClone()),
                "remove" => Remove(root, op.Path, out _),
                "test" => Test(root, op),
                "move" => Move(root, op),
                "copy" => Add(root, op.Path, Get(root, op.From ?? throw new JsonPatchException("copy needs 'from'"))?.DeepClone()),
                _ => throw new JsonPatchException($"unknown JSON Patch operation '{op.Op}'"),
            };
        }

        return root;
    }

    private static JsonNode? Test(JsonNode? root, JsonPatchOperation op) =>
        JsonValueComparer.DeepEquals(Get(root, op.Path), op.Value)
            ? root
            : throw new JsonPatchException($"test failed at '{op.Path}'");

    private static JsonNode? Move(JsonNode? root, JsonPatchOperation op)
    {
        var from = op.From ?? throw new JsonPatchException("move needs 'from'");
        root = Remove(root, from, out var value);
        return Add(root, op.Path, value);
    }

    /// <summary>The value at <paramref name="pointer"/>; throws when it does not exist.</summary>
    public static JsonNode? Get(JsonNode? root, string pointer)
    {
        var node = root;
        foreach (var token in JsonPointer.Parse(pointer))
        {
            node = node switch
            {
                JsonObject obj when obj.TryGetPropertyValue(token, out var child) => child,
                JsonArray array when Index(token, array.Count, false) is var i => array[i],
                _ => throw new JsonPatchException($"'{pointer}' does not exist"),
            };
        }

        return node;
    }

    private static JsonNode? Add(JsonNode? root, string pointer, JsonNode? value)
    {
        var tokens = JsonPointer.Parse(pointer);
        if (tokens.Count == 0)
        {
            return value;
        }

        var parent = Get(root, JsonPointer.Format(tokens.Take(tokens.Count - 1)));
        var last = tokens[^1];
        switch (parent)
        {
            case JsonObject obj:
                obj[last] = value;
                break;
            case JsonArray array:
                array.Insert(last == "-" ? array.Count : Index(last, array.Count + 1, true), value);
                break;
            default:
                throw new JsonPatchException($"cannot add '{pointer}': its parent is not an object or array");
        }

        return root;
    }

    private static JsonNode? Remove(JsonNode? root, string pointer, out JsonNode? removed)
    {
        var tokens = JsonPointer.Parse(pointer);
        removed = Get(root, pointer);
        if (tokens.Count == 0)
        {
            return null;
        }

        var parent = Get(root, JsonPointer.Format(tokens.Take(tokens.Count - 1)));
        switch (parent)
        {
            case JsonObject obj:
                obj.Remove(tokens[^1]);
                break;
            case JsonArray array:
                array.RemoveAt(Index(tokens[^1], array.Count, false));
                break;
        }

        return root;
    }

    private static int Index(string token, int limit, bool forAdd)
    {
        if (token.Length == 0 || (token.Length > 1 && token[0] == '0') || !token.All(char.IsAsciiDigit)
            || !int.TryParse(token, NumberStyles.None, CultureInfo.InvariantCulture, out var i) || i >= limit)
        {
            throw new JsonPatchException(forAdd ? $"array index '{token}' is out of range for add" : $"array index '{token}' does not exist");
        }

        return i;
    }
}
