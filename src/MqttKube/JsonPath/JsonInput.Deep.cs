using System.Text.Json;
using System.Text.Json.Nodes;

namespace MqttKube.JsonPath;

internal static partial class JsonInput
{
    /// <summary>
    /// Documents nested deeper than this are built node by node (<see cref="TryBuild"/>): System.Text.Json's own
    /// document and its lazily built nodes take time that grows with the square of the depth (seconds at 10,000
    /// levels), while shallower ones keep its compact lazy form.
    /// </summary>
    private const int LazyDepth = 256;

    /// <summary>
    /// Builds the nodes in one iterative pass over the tokens: numbers each from their own text (so <c>1.0</c> and big
    /// integers keep their form), a key repeated in one object refused where it stands. A container joins its parent
    /// only once it is complete, while the parent is itself still detached: adding a node checks its new ancestors
    /// for a cycle, which from the bottom of a deep chain would walk the whole chain every time.
    /// </summary>
    private static bool TryBuild(ReadOnlySpan<byte> utf8, int maxDepth, out JsonNode? node, out JsonInputError? error)
    {
        node = null;
        error = null;
        var reader = new Utf8JsonReader(utf8, new JsonReaderOptions { MaxDepth = maxDepth });
        var open = new Stack<(JsonNode Container, string? Key)>();
        string? key = null;
        while (reader.Read())
        {
            JsonNode? value;
            switch (reader.TokenType)
            {
                case JsonTokenType.PropertyName:
                    key = reader.GetString()!;
                    if (((JsonObject)open.Peek().Container).ContainsKey(key))
                    {
                        error = At(utf8, reader.TokenStartIndex, $"the key \"{Shorten(key)}\" appears twice in one object (which value counts would be undefined)");
                        return false;
                    }

                    continue;
                case JsonTokenType.StartObject:
                    open.Push((new JsonObject(), key));
                    continue;
                case JsonTokenType.StartArray:
                    open.Push((new JsonArray(), key));
                    continue;
                case JsonTokenType.EndObject or JsonTokenType.EndArray:
                    (value, key) = open.Pop();
                    break;
                case JsonTokenType.String:
                    value = JsonValue.Create(reader.GetString());
                    break;
                case JsonTokenType.Number:
                    value = JsonValue.Create(JsonElement.ParseValue(ref reader));
                    break;
                case JsonTokenType.True or JsonTokenType.False:
                    value = JsonValue.Create(reader.GetBoolean());
                    break;
                default:
                    value = null;
                    break;
            }

            switch (open.Count == 0 ? null : open.Peek().Container)
            {
                case null:
                    node = value;
                    break;
                case JsonObject obj:
                    obj.Add(key!, value);
                    break;
                case JsonArray array:
                    array.Add(value);
                    break;
            }
        }

        return true;
    }
}
