using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using MqttKube.Rbac;

namespace MqttKube.Cli.DryRun;

/// <summary>A JSON value as block-style YAML, as kubectl users read objects: strings plain when that is safe.</summary>
internal static class JsonYaml
{
    public static string Write(JsonNode? node, int indent = 0)
    {
        var text = new StringBuilder();
        Append(text, node, indent);
        return text.ToString();
    }

    private static void Append(StringBuilder text, JsonNode? node, int indent)
    {
        var pad = new string(' ', indent);
        switch (node)
        {
            case JsonObject { Count: > 0 } obj:
                foreach (var (key, value) in obj)
                {
                    text.Append(pad).Append(YamlQuote.Scalar(key)).Append(':');
                    Child(text, value, indent + 2);
                }

                break;
            case JsonArray { Count: > 0 } array:
                foreach (var item in array)
                {
                    text.Append(pad).Append('-');
                    if (item is JsonObject { Count: > 0 } or JsonArray { Count: > 0 })
                    {
                        // The item's first line goes after the dash; the rest keep its indentation.
                        var inner = Write(item, indent + 2);
                        text.Append(' ').Append(inner.AsSpan(indent + 2));
                    }
                    else
                    {
                        text.Append(' ').Append(Scalar(item)).Append('\n');
                    }
                }

                break;
            default:
                text.Append(pad).Append(Scalar(node)).Append('\n');
                break;
        }
    }

    private static void Child(StringBuilder text, JsonNode? value, int indent)
    {
        if (value is JsonObject { Count: > 0 } or JsonArray { Count: > 0 })
        {
            text.Append('\n');
            Append(text, value, indent);
        }
        else
        {
            text.Append(' ').Append(Scalar(value)).Append('\n');
        }
    }

    private static string Scalar(JsonNode? node) => node switch
    {
        null => "null",
        JsonObject => "{}",
        JsonArray => "[]",
        JsonValue v when v.GetValueKind() == JsonValueKind.String => YamlQuote.Scalar(v.GetValue<string>()),
        _ => node.ToJsonString(),
    };
}
