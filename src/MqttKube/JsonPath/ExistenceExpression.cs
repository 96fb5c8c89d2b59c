using System.Text.Json.Nodes;

namespace MqttKube.JsonPath;

/// <summary>A filter query used as a test: true when it selects at least one node (even a JSON null).</summary>
internal sealed class ExistenceExpression(JsonPathQuery query) : LogicalExpression
{
    public JsonPathQuery Query { get; } = query;

    public override bool Test(JsonPathContext context, JsonNode? current) => Query.Exists(context, current);
}
