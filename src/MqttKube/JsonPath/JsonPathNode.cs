using System.Text.Json.Nodes;

namespace MqttKube.JsonPath;

/// <summary>
/// One node of a result: its value (a JSON <c>null</c> is a <see langword="null"/> value of a node
/// that exists) and where it is in the document.
/// </summary>
internal readonly record struct JsonPathNode(JsonNode? Value, NormalizedPath? Location)
{
    /// <summary>The RFC 9535 normalized path, e.g. <c>$['a'][0]</c> (empty when not tracked).</summary>
    public string Path => Location?.ToString() ?? "";
}
