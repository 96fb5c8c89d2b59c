using System.Text.Json.Nodes;

namespace MqttKube.JsonPath;

/// <summary><c>value(nodes)</c>: the value of the only node a query selects; Nothing for zero or several.</summary>
internal sealed class ValueFunction(JsonPathQuery argument) : ValueExpression
{
    public JsonPathQuery Argument { get; } = argument;

    public override FilterValue Evaluate(JsonPathContext context, JsonNode? current)
    {
        var nodes = Argument.Select(context, current);
        return nodes.Count == 1 ? FilterValue.Of(nodes[0].Value) : FilterValue.Nothing;
    }
}
