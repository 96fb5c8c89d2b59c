using System.Text.Json.Nodes;

namespace MqttKube.JsonPath;

/// <summary>A literal: number, string, <c>true</c>, <c>false</c> or <c>null</c>.</summary>
internal sealed class LiteralValue(JsonNode? value) : ValueExpression
{
    public JsonNode? Value { get; } = value;

    public override FilterValue Evaluate(JsonPathContext context, JsonNode? current) => FilterValue.Of(Value);
}
