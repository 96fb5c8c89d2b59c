using System.Text.Json.Nodes;

namespace MqttKube.JsonPath;

/// <summary><c>*</c>: every element of an array, every member value of an object, in document order.</summary>
internal sealed class WildcardSelector : Selector
{
    public override void Select(in JsonPathNode node, JsonPathContext context, List<JsonPathNode> output)
    {
        switch (node.Value)
        {
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    output.Add(new JsonPathNode(array[i], Child(node.Location, i)));
                }

                break;
            case JsonObject obj:
                foreach (var (name, value) in obj)
                {
                    output.Add(new JsonPathNode(value, Child(node.Location, name)));
                }

                break;
        }
    }
}
