using System.Text.Json.Nodes;

namespace MqttKube.JsonPath;

/// <summary><c>[i]</c>: one element of an array; a negative index counts from the end.</summary>
internal sealed class IndexSelector(long index) : Selector
{
    public long Index { get; } = index;

    /// <summary>The array position this index denotes in an array of <paramref name="count"/> elements, or -1.</summary>
    public int Resolve(int count)
    {
        var i = Index >= 0 ? Index : count + Index;
        return i >= 0 && i < count ? (int)i : -1;
    }

    public override void Select(in JsonPathNode node, JsonPathContext context, List<JsonPathNode> output)
    {
        if (node.Value is JsonArray array)
        {
            var i = Resolve(array.Count);
            if (i >= 0)
            {
                output.Add(new JsonPathNode(array[i], Child(node.Location, i)));
            }
        }
    }
}
