using System.Text.Json.Nodes;

namespace MqttKube.JsonPath;

/// <summary>A child segment (<c>[…]</c>, <c>.name</c>, <c>.*</c>) or a descendant segment (<c>..…</c>).</summary>
internal sealed class Segment(bool isDescendant, IReadOnlyList<Selector> selectors, int column)
{
    public bool IsDescendant { get; } = isDescendant;

    public IReadOnlyList<Selector> Selectors { get; } = selectors;

    /// <summary>1-based column where the segment starts in the query text.</summary>
    public int Column { get; } = column;

    /// <summary>A child segment with one name or index selector.</summary>
    public bool IsSingular => !IsDescendant && Selectors.Count == 1 && Selectors[0] is NameSelector or IndexSelector;

    public void Apply(in JsonPathNode node, JsonNode? root, List<JsonPathNode> output)
    {
        if (IsDescendant)
        {
            Descend(node, root, output);
            return;
        }

        foreach (var selector in Selectors)
        {
            selector.Select(node, root, output);
        }
    }

    /// <summary>The node, then its descendants (pre-order, arrays in order), each through every selector.</summary>
    private void Descend(in JsonPathNode node, JsonNode? root, List<JsonPathNode> output)
    {
        foreach (var selector in Selectors)
        {
            selector.Select(node, root, output);
        }

        switch (node.Value)
        {
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    Descend(new JsonPathNode(array[i], node.Location?.Child(i)), root, output);
                }

                break;
            case JsonObject obj:
                foreach (var (name, value) in obj)
                {
                    Descend(new JsonPathNode(value, node.Location?.Child(name)), root, output);
                }

                break;
        }
    }
}
