using System.Text.Json.Nodes;

namespace MqttKube.FakeKube;

/// <summary>RFC 6902 JSON Patch, strict like evanphx/json-patch as the API server uses it.</summary>
public static class JsonPatch
{
    /// <summary>Applies <paramref name="ops"/> to a copy of <paramref name="doc"/>; throws <see cref="JsonPatchException"/>.</summary>
    public static JsonNode Apply(JsonNode doc, JsonArray ops)
    {
        var root = new JsonObject { ["r"] = doc.DeepClone() };
        foreach (var opNode in ops)
        {
            if (opNode is not JsonObject op)
            {
                throw new JsonPatchException("operation is not an object", badRequest: true);
            }

            var kind = (string?)op["op"] ?? throw new JsonPatchException("missing op", badRequest: true);
            var path = (string?)op["path"] ?? throw new JsonPatchException($"missing path in {kind} operation", badRequest: true);
            switch (kind)
            {
                case "add":
                    Add(root, path, RequireValue(op, kind));
                    break;
                case "remove":
                    Remove(root, path);
                    break;
                case "replace":
                    Remove(root, path);
                    Add(root, path, RequireValue(op, kind));
                    break;
                case "move":
                    var from = (string?)op["from"] ?? throw new JsonPatchException("missing from", badRequest: true);
                    var moved = Get(root, from) ?? throw new JsonPatchException($"missing value at {from}");
                    Remove(root, from);
                    Add(root, path, moved.DeepClone());
                    break;
                case "copy":
                    var src = (string?)op["from"] ?? throw new JsonPatchException("missing from", badRequest: true);
                    Add(root, path, Exists(root, src) ? Get(root, src)?.DeepClone() : throw new JsonPatchException($"missing value at {src}"));
                    break;
                case "test":
                    var expected = RequireValue(op, kind);
                    if (!Exists(root, path) || !JsonNode.DeepEquals(Get(root, path), expected))
                    {
                        throw new JsonPatchException($"testing value {path} failed: test failed");
                    }

                    break;
                default:
                    throw new JsonPatchException($"Unexpected kind: {kind}", badRequest: true);
            }
        }

        return root["r"]!;
    }

    private static JsonNode? RequireValue(JsonObject op, string kind) =>
        op.ContainsKey("value") ? op["value"]?.DeepClone() : throw new JsonPatchException($"missing value in {kind} operation", badRequest: true);

    private static List<string> Tokens(string path)
    {
        if (path.Length == 0)
        {
            return ["r"];
        }

        if (path[0] != '/')
        {
            throw new JsonPatchException($"invalid JSON pointer: {path}", badRequest: true);
        }

        var list = new List<string> { "r" };
        list.AddRange(path[1..].Split('/').Select(t => t.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal)));
        return list;
    }

    private static (JsonNode Parent, string Key) Parent(JsonObject root, string path)
    {
        var tokens = Tokens(path);
        JsonNode? node = root;
        for (var i = 0; i < tokens.Count - 1; i++)
        {
            node = Child(node, tokens[i]) ?? throw new JsonPatchException($"doc is missing path: \"{path}\"");
        }

        return (node!, tokens[^1]);
    }

    private static JsonNode? Child(JsonNode? node, string key) => node switch
    {
        JsonObject o => o.TryGetPropertyValue(key, out var v) ? v : null,
        JsonArray a => int.TryParse(key, out var i) && i >= 0 && i < a.Count ? a[i] : null,
        _ => null,
    };

    private static bool Exists(JsonObject root, string path)
    {
        try
        {
            var (parent, key) = Parent(root, path);
            return parent switch
            {
                JsonObject o => o.ContainsKey(key),
                JsonArray a => int.TryParse(key, out var i) && i >= 0 && i < a.Count,
                _ => false,
            };
        }
        catch (JsonPatchException)
        {
            return false;
        }
    }

    private static JsonNode? Get(JsonObject root, string path)
    {
        var (parent, key) = Parent(root, path);
        return Child(parent, key);
    }

    private static void Add(JsonObject root, string path, JsonNode? value)
    {
        var (parent, key) = Parent(root, path);
        switch (parent)
        {
            case JsonObject o:
                o[key] = value;
                break;
            case JsonArray a when key == "-":
                a.Add(value);
                break;
            case JsonArray a when int.TryParse(key, out var i) && i >= 0 && i <= a.Count:
                a.Insert(i, value);
                break;
            default:
                throw new JsonPatchException($"add operation does not apply: doc is missing path: \"{path}\"");
        }
    }

    private static void Remove(JsonObject root, string path)
    {
        var (parent, key) = Parent(root, path);
        switch (parent)
        {
            case JsonObject o when o.ContainsKey(key):
                o.Remove(key);
                break;
            case JsonArray a when int.TryParse(key, out var i) && i >= 0 && i < a.Count:
                a.RemoveAt(i);
                break;
            default:
                throw new JsonPatchException($"remove operation does not apply: doc is missing path: \"{path}\"");
        }
    }
}
