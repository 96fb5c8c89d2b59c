using System.Text.Json.Nodes;

namespace MqttKube.JsonPath;

/// <summary><c>count(nodes)</c>: how many nodes a query selects.</summary>
internal sealed class CountFunction(JsonPathQuery argument) : ValueExpression
{
    public JsonPathQuery Argument { get; } = argument;

    public override FilterValue Evaluate(JsonPathContext context, JsonNode? current) =>
        FilterValue.Of(JsonValue.Create(Argument.Select(context, current).Count));
}
