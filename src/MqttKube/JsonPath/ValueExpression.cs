using System.Text.Json.Nodes;

namespace MqttKube.JsonPath;

/// <summary>A filter expression of ValueType: a literal, a singular query or a value function.</summary>
internal abstract class ValueExpression
{
    public abstract FilterValue Evaluate(JsonPathContext context, JsonNode? current);
}
