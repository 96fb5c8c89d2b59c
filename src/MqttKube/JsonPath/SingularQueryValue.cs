using System.Text.Json.Nodes;

namespace MqttKube.JsonPath;

/// <summary>A singular query as a value: the node's value, or Nothing when it selects no node.</summary>
internal sealed class SingularQueryValue(JsonPathQuery query) : ValueExpression
{
    public JsonPathQuery Query { get; } = query;

    public override FilterValue Evaluate(JsonPathContext context, JsonNode? current) =>
        Query.TryGetSingular(Query.IsRelative ? current : context.Root, out var value) ? FilterValue.Of(value) : FilterValue.Nothing;
}
