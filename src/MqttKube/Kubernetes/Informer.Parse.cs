using System.Text.Json;
using System.Text.Json.Nodes;
using MqttKube.JsonPath;

namespace MqttKube.Kubernetes;

internal sealed partial class Informer
{
    /// <summary>
    /// The nesting limit for one watch event or list: the object's own limit (<see cref="JsonInput.MaxDepth"/>)
    /// plus the levels that wrap it.
    /// </summary>
    private const int WrappedDepth = JsonInput.MaxDepth + 2;

    /// <summary>
    /// Reads a list answer item by item, so one object that cannot be read (nested deeper than the API server
    /// allows, duplicate keys, lone surrogates) is skipped and logged instead of failing the list for every other.
    /// </summary>
    private List<JsonObject> ReadList(byte[] body, out string? rv, out string? next)
    {
        rv = null;
        next = null;
        var items = new List<JsonObject>();
        var reader = new Utf8JsonReader(body, new JsonReaderOptions { MaxDepth = int.MaxValue });
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                throw Invalid("the list answer is not a JSON object");
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var property = reader.GetString();
                reader.Read();
                var start = (int)reader.TokenStartIndex;
                reader.Skip();
                var value = body.AsMemory(start, (int)reader.BytesConsumed - start);
                if (property == "metadata" && JsonInput.TryParse(value, WrappedDepth, out var metadata, out _))
                {
                    rv = (string?)metadata?["resourceVersion"];
                    next = (string?)metadata?["continue"];
                }
                else if (property == "items" && value.Span[0] == (byte)'[')
                {
                    ReadItems(value, items);
                }
            }
        }
        catch (JsonException ex)
        {
            throw Invalid($"the list answer is not JSON ({ex.Message})");
        }

        return items;
    }

    private void ReadItems(ReadOnlyMemory<byte> array, List<JsonObject> items)
    {
        var reader = new Utf8JsonReader(array.Span, new JsonReaderOptions { MaxDepth = int.MaxValue });
        reader.Read();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            var start = (int)reader.TokenStartIndex;
            reader.Skip();
            var item = array.Slice(start, (int)reader.BytesConsumed - start);
            if (!JsonInput.TryParse(item, JsonInput.MaxDepth, out var node, out var error))
            {
                Skip(ObjectIdentity.Find(item.Span, inEvent: false), error.Message);
            }
            else if (node is JsonObject obj)
            {
                items.Add(ObjectClient.WithTypeMeta(Type, obj));
            }
        }
    }

    /// <summary>
    /// Reads one watch line: the event, or null when its object cannot be read (skipped and logged; the
    /// resourceVersion it carries still advances <paramref name="rv"/>, so the watch goes on past it).
    /// </summary>
    private JsonNode? ReadEvent(string line, ref string? rv)
    {
        var bytes = System.Text.Encoding.UTF8.GetBytes(line);
        if (JsonInput.TryParse(bytes, WrappedDepth, out var e, out var error))
        {
            return e;
        }

        var identity = ObjectIdentity.Find(bytes, inEvent: true);
        if (identity.EventType is null)
        {
            throw Invalid($"a watch event is not JSON ({error})");
        }

        Skip(identity, error.Message);
        rv = identity.ResourceVersion ?? rv;
        return null;
    }

    private void Skip(ObjectIdentity identity, string reason) =>
        LogSkipped(logger, identity.Kind ?? Type.Kind, identity.Namespace ?? Namespace ?? "", identity.Name ?? "(name not readable)", Describe, reason);

    private static KubeApiException Invalid(string message) => new(0, "InvalidResponse", message);
}
