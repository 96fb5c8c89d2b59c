using System.Text.Json.Nodes;

namespace MqttKube.JsonPath;

/// <summary>A filter expression of LogicalType: true or false for the current node <c>@</c>.</summary>
internal abstract class LogicalExpression
{
    public abstract bool Test(JsonPathContext context, JsonNode? current);
}
