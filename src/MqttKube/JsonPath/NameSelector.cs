using System.Text.Json.Nodes;

namespace MqttKube.JsonPath;

/// <summary><c>['name']</c> or <c>.name</c>: the member of that name of an object.</summary>
internal sealed class NameSelector(string name) : Selector
{
    public string Name { get; } = name;

    public override void Select(in JsonPathNode node, JsonPathContext context, List<JsonPathNode> output)
    {
        if (node.Value is JsonObject obj && obj.TryGetPropertyValue(Name, out var child))
        {
            output.Add(new JsonPathNode(child, Child(node.Location, Name)));
        }
    }
}
