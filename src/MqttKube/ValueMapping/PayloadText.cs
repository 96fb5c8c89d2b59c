using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace MqttKube.ValueMapping;

/// <summary>
/// The text a watch publishes for a value (SPEC 3.2): strings as they are; null as an empty payload; numbers in
/// shortest round-trip form (<c>1</c>, <c>0.5</c>); <c>true</c>/<c>false</c>; objects and arrays as compact JSON
/// with keys sorted.
/// </summary>
internal static class PayloadText
{
    /// <summary>A value read from a Kubernetes object (<see cref="JsonPath.JsonInput.MaxDepth"/>) fits, with room for the levels a map output adds.</summary>
    private const int MaxDepth = JsonPath.JsonInput.MaxDepth + 64;

    public static string Of(JsonNode? value)
    {
        switch (value)
        {
            case null:
                return string.Empty;
            case JsonValue scalar:
                switch (scalar.GetValueKind())
                {
                    case JsonValueKind.String:
                        return scalar.GetValue<string>();
                    case JsonValueKind.True:
                        return "true";
                    case JsonValueKind.False:
                        return "false";
                    case JsonValueKind.Number:
                        return Number(scalar);
                    case JsonValueKind.Null:
                        return string.Empty;
                }

                break;
        }

        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping, MaxDepth = MaxDepth }))
        {
            WriteSorted(writer, value);
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>
    /// Integral numbers as integers (any size), others as the shortest text that reads back the same double. A number
    /// no double holds (<c>1e400</c>, <c>1e-400</c>) is published as the JSON text it came as, never as <c>Infinity</c>
    /// or <c>0</c>: the watch and <c>eval --outbound</c> print exactly what Kubernetes sent.
    /// </summary>
    internal static string Number(JsonValue number)
    {
        var raw = number.ToJsonString();
        if (raw.AsSpan().IndexOfAny('.', 'e', 'E') < 0)
        {
            return raw;
        }

        var d = number.GetValue<double>();
        if (!double.IsFinite(d) || (d == 0 && HasNonZeroDigit(raw)))
        {
            return raw;
        }

        if (double.IsInteger(d) && Math.Abs(d) < 1e16)
        {
            return ((long)d).ToString(CultureInfo.InvariantCulture);
        }

        return d.ToString("R", CultureInfo.InvariantCulture).Replace("E", "e", StringComparison.Ordinal);
    }

    /// <summary>Whether the mantissa of a JSON number's text has a digit other than 0 (so it is not zero).</summary>
    private static bool HasNonZeroDigit(string raw)
    {
        var end = raw.AsSpan().IndexOfAny('e', 'E');
        return raw.AsSpan(0, end < 0 ? raw.Length : end).IndexOfAnyInRange('1', '9') >= 0;
    }

    /// <summary>
    /// Compact JSON with keys sorted. Iterative, so a value as deep as a Kubernetes object may be (10,000 levels)
    /// costs heap, not stack: each open object or array keeps the children it has still to write.
    /// </summary>
    private static void WriteSorted(Utf8JsonWriter writer, JsonNode value)
    {
        var open = new Stack<(bool IsObject, IEnumerator<KeyValuePair<string?, JsonNode?>> Children)>();
        WriteOne(writer, null, value, open);
        while (open.TryPeek(out var top))
        {
            if (top.Children.MoveNext())
            {
                WriteOne(writer, top.Children.Current.Key, top.Children.Current.Value, open);
                continue;
            }

            top.Children.Dispose();
            open.Pop();
            if (top.IsObject)
            {
                writer.WriteEndObject();
            }
            else
            {
                writer.WriteEndArray();
            }
        }
    }

    /// <summary>Writes a scalar whole, or opens an object or array and leaves its children on <paramref name="open"/>.</summary>
    private static void WriteOne(Utf8JsonWriter writer, string? name, JsonNode? node, Stack<(bool, IEnumerator<KeyValuePair<string?, JsonNode?>>)> open)
    {
        if (name is not null)
        {
            writer.WritePropertyName(name);
        }

        switch (node)
        {
            case null:
                writer.WriteNullValue();
                break;
            case JsonObject obj:
                writer.WriteStartObject();
                open.Push((true, obj.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => new KeyValuePair<string?, JsonNode?>(p.Key, p.Value)).GetEnumerator()));
                break;
            case JsonArray array:
                writer.WriteStartArray();
                open.Push((false, array.Select(c => new KeyValuePair<string?, JsonNode?>(null, c)).GetEnumerator()));
                break;
            default:
                node.WriteTo(writer);
                break;
        }
    }
}
