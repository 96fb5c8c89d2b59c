using System.Text.Json.Nodes;

namespace MqttKube.JsonPath;

/// <summary>A child segment (<c>[…]</c>, <c>.name</c>, <c>.*</c>) or a descendant segment (<c>..…</c>).</summary>
internal sealed class Segment(bool isDescendant, IReadOnlyList<Selector> selectors, int column)
{
    public bool IsDescendant { get; } = isDescendant;

    public IReadOnlyList<Selector> Selectors { get; } = selectors;

    private readonly Selector[] selectors = [.. selectors];

    /// <summary>1-based column where the segment starts in the query text.</summary>
    public int Column { get; } = column;

    /// <summary>A child segment with one name or index selector.</summary>
    public bool IsSingular => !IsDescendant && Selectors.Count == 1 && Selectors[0] is NameSelector or IndexSelector;

    public void Apply(in JsonPathNode node, JsonPathContext context, List<JsonPathNode> output)
    {
        if (IsDescendant)
        {
            Descend(node, context, output);
            return;
        }

        SelectFrom(node, context, output);
    }

    private void SelectFrom(in JsonPathNode node, JsonPathContext context, List<JsonPathNode> output)
    {
        var before = output.Count;
        foreach (var selector in selectors)
        {
            selector.Select(node, context, output);
        }

        context.Spend(output.Count - before);
    }

    /// <summary>
    /// The node, then its descendants (pre-order, arrays in order), each through every selector. Iterative, so a
    /// document nested thousands of levels deep (a custom resource may be) costs heap, not stack.
    /// </summary>
    private void Descend(in JsonPathNode start, JsonPathContext context, List<JsonPathNode> output)
    {
        var pending = context.Descents;
        var floor = pending.Count;
        Visit(start, context, output, pending);
        while (pending.Count > floor)
        {
            var (parent, next) = pending.Pop();
            JsonPathNode child;
            switch (parent.Value)
            {
                case JsonArray array when next < array.Count:
                    child = new JsonPathNode(array[next], parent.Location?.Child(next));
                    break;
                case JsonObject obj when next < obj.Count:
                    var (name, value) = obj.GetAt(next);
                    child = new JsonPathNode(value, parent.Location?.Child(name));
                    break;
                default:
                    continue;
            }

            pending.Push((parent, next + 1));
            Visit(child, context, output, pending);
        }
    }

    private void Visit(in JsonPathNode node, JsonPathContext context, List<JsonPathNode> output, Stack<(JsonPathNode, int)> pending)
    {
        context.Spend(1);
        SelectFrom(node, context, output);
        if (node.Value is JsonArray or JsonObject)
        {
            pending.Push((node, 0));
        }
    }
}
