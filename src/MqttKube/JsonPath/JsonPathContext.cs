using System.Globalization;
using System.Text.Json.Nodes;

namespace MqttKube.JsonPath;

/// <summary>
/// One evaluation of a query: the document's root (<c>$</c>) and the work the evaluation may still do. Every node a
/// segment visits or selects, every filter test and every step of a deep comparison costs one step, so a query over a
/// large document (<c>$..*..*</c>, <c>$..[?count($..*) &gt; 1]</c>) stops with a clear error instead of running for
/// minutes.
/// </summary>
internal sealed class JsonPathContext(JsonNode? root, long budget = JsonPathContext.DefaultBudget)
{
    /// <summary>
    /// Steps one evaluation may take: a locus on a 1 MB list of objects (about 60,000 nodes) takes a small part of it,
    /// <c>$..*..*</c> or <c>$..[?count($..*) &gt; 1]</c> on such a list far more; it is about 100 ms of work.
    /// </summary>
    public const long DefaultBudget = 1_000_000;

    private long remaining = budget;

    public JsonNode? Root { get; } = root;

    public long Budget { get; } = budget;

    /// <summary>Steps taken so far.</summary>
    public long Spent => Budget - remaining;

    /// <summary>
    /// The work list of descendant segments, shared by every descent of this evaluation (a nested one, from a filter,
    /// works above the entries of the one it runs in and leaves them as it found them): one stack per descent would
    /// allocate as much as the steps it takes, for every node a descendant segment starts from.
    /// </summary>
    internal Stack<(JsonPathNode Parent, int Next)> Descents { get; } = new();

    /// <summary>
    /// Charges every node of every selected value: whoever takes the result (printing it, cloning it, publishing it)
    /// walks each one whole, so <c>$..*..*</c> on a document nested a thousand levels deep, whose few million
    /// results hold billions of nodes between them, is refused here rather than there.
    /// </summary>
    public List<JsonPathNode> ChargeResults(List<JsonPathNode> nodes)
    {
        var pending = new Stack<JsonNode>();
        foreach (var node in nodes)
        {
            Spend(1);
            if (node.Value is JsonArray or JsonObject)
            {
                pending.Push(node.Value);
            }

            // By index, as Segment.Descend walks: an enumerator per container would make each step cost an allocation.
            while (pending.TryPop(out var container))
            {
                var array = container as JsonArray;
                var count = array?.Count ?? ((JsonObject)container).Count;
                for (var i = 0; i < count; i++)
                {
                    Spend(1);
                    var child = array is not null ? array[i] : ((JsonObject)container).GetAt(i).Value;
                    if (child is JsonArray or JsonObject)
                    {
                        pending.Push(child);
                    }
                }
            }
        }

        return nodes;
    }

    /// <summary>Takes <paramref name="steps"/> from the budget; past it, a <see cref="JsonPathBudgetException"/>.</summary>
    public void Spend(long steps)
    {
        remaining -= steps;
        if (remaining < 0)
        {
            throw new JsonPathBudgetException(string.Create(
                CultureInfo.InvariantCulture,
                $"the query needs more than {Budget:N0} steps on this document (each node visited, selected or compared is one); narrow it"));
        }
    }
}
