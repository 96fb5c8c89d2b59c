using System.Text.Json.Nodes;

namespace MqttKube.JsonPath;

/// <summary><c>[?expr]</c>: the children (array elements, object member values) for which the expression holds.</summary>
internal sealed class FilterSelector(LogicalExpression expression) : Selector
{
    public LogicalExpression Expression { get; } = expression;

    public override void Select(in JsonPathNode node, JsonNode? root, List<JsonPathNode> output)
    {
        switch (node.Value)
        {
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    if (Expression.Test(root, array[i]))
                    {
                        output.Add(new JsonPathNode(array[i], Child(node.Location, i)));
                    }
                }

                break;
            case JsonObject obj:
                foreach (var (name, value) in obj)
                {
                    if (Expression.Test(root, value))
                    {
                        output.Add(new JsonPathNode(value, Child(node.Location, name)));
                    }
                }

                break;
        }
    }
}
