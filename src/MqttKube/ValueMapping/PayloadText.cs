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
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            WriteSorted(writer, value, 0);
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

    private static void WriteSorted(Utf8JsonWriter writer, JsonNode? node, int depth)
    {
        if (depth > 256)
        {
            throw new InvalidOperationException("the value is nested too deeply to publish");
        }

        switch (node)
        {
            case null:
                writer.WriteNullValue();
                break;
            case JsonObject obj:
                writer.WriteStartObject();
                foreach (var (key, child) in obj.OrderBy(p => p.Key, StringComparer.Ordinal))
                {
                    writer.WritePropertyName(key);
                    WriteSorted(writer, child, depth + 1);
                }

                writer.WriteEndObject();
                break;
            case JsonArray array:
                writer.WriteStartArray();
                foreach (var child in array)
                {
                    WriteSorted(writer, child, depth + 1);
                }

                writer.WriteEndArray();
                break;
            default:
                node.WriteTo(writer);
                break;
        }
    }
}
