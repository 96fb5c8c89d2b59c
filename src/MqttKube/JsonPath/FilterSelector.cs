using System.Text.Json.Nodes;

namespace MqttKube.JsonPath;

/// <summary><c>[?expr]</c>: the children (array elements, object member values) for which the expression holds.</summary>
internal sealed class FilterSelector(LogicalExpression expression) : Selector
{
    public LogicalExpression Expression { get; } = expression;

    public override void Select(in JsonPathNode node, JsonPathContext context, List<JsonPathNode> output)
    {
        switch (node.Value)
        {
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    context.Spend(1);
                    if (Expression.Test(context, array[i]))
                    {
                        output.Add(new JsonPathNode(array[i], Child(node.Location, i)));
                    }
                }

                break;
            case JsonObject obj:
                foreach (var (name, value) in obj)
                {
                    context.Spend(1);
                    if (Expression.Test(context, value))
                    {
                        output.Add(new JsonPathNode(value, Child(node.Location, name)));
                    }
                }

                break;
        }
    }
}
