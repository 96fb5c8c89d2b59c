using System.Text.Json.Nodes;

namespace MqttKube.JsonPath;

/// <summary>A ValueType value: a JSON value (possibly JSON null) or Nothing.</summary>
internal readonly struct FilterValue
{
    private FilterValue(JsonNode? node, bool isNothing)
    {
        Node = node;
        IsNothing = isNothing;
    }

    public static FilterValue Nothing => new(null, true);

    public JsonNode? Node { get; }

    public bool IsNothing { get; }

    public static FilterValue Of(JsonNode? node) => new(node, false);
}
