using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Nodes;

namespace MqttKube.JsonPath;

/// <summary>
/// A parsed, immutable RFC 9535 JSONPath query (thread-safe to share; evaluation only reads the document).
/// </summary>
internal sealed class JsonPathQuery
{
    private readonly Segment[] segments;

    // Fast path for singular queries: one name (or null for an index) per step.
    private readonly string?[]? names;
    private readonly long[]? indexes;

    internal JsonPathQuery(string text, bool isRelative, IReadOnlyList<Segment> segments)
    {
        Text = text;
        IsRelative = isRelative;
        this.segments = [.. segments];
        IsSingular = this.segments.All(s => s.IsSingular);
        if (IsSingular)
        {
            names = new string?[this.segments.Length];
            indexes = new long[this.segments.Length];
            for (var i = 0; i < this.segments.Length; i++)
            {
                switch (this.segments[i].Selectors[0])
                {
                    case NameSelector n: names[i] = n.Name; break;
                    case IndexSelector x: indexes[i] = x.Index; break;
                }
            }
        }
    }

    /// <summary>The text the query was parsed from.</summary>
    public string Text { get; }

    /// <summary>True when the query can select at most one node (names and indexes only, RFC 9535 2.3.5.1).</summary>
    public bool IsSingular { get; }

    /// <summary>True for a filter query that starts at <c>@</c>.</summary>
    internal bool IsRelative { get; }

    internal IReadOnlyList<Segment> Segments => segments;

    /// <summary>Parses <paramref name="text"/> in <see cref="JsonPathSyntax.Locus"/> syntax (the default for configs).</summary>
    public static bool TryParse(
        string text,
        [NotNullWhen(true)] out JsonPathQuery? query,
        [NotNullWhen(false)] out JsonPathError? error) =>
        TryParse(text, JsonPathSyntax.Locus, out query, out error);

    public static bool TryParse(
        string text,
        JsonPathSyntax syntax,
        [NotNullWhen(true)] out JsonPathQuery? query,
        [NotNullWhen(false)] out JsonPathError? error)
    {
        try
        {
            query = JsonPathParser.Parse(text, syntax);
            error = null;
            return true;
        }
        catch (JsonPathException ex)
        {
            query = null;
            error = ex.ToError();
            return false;
        }
    }

    /// <summary>The node list the query selects from <paramref name="root"/>, with normalized paths, in order.</summary>
    /// <exception cref="JsonPathBudgetException">The evaluation needs more than <paramref name="budget"/> steps.</exception>
    public IReadOnlyList<JsonPathNode> Evaluate(JsonNode? root, long budget = JsonPathContext.DefaultBudget) =>
        Evaluate(root, budget, NormalizedPath.Root);

    /// <summary>
    /// <see cref="Evaluate"/>, or why it could not finish: it needed more than its step budget, or the document is
    /// nested too deeply for the query (never a stack overflow).
    /// </summary>
    /// <remarks>The nodes carry their normalized paths only when <paramref name="paths"/> is set (it costs an object per node).</remarks>
    public bool TryEvaluate(JsonNode? root, [NotNullWhen(true)] out IReadOnlyList<JsonPathNode>? nodes, [NotNullWhen(false)] out string? error, long budget = JsonPathContext.DefaultBudget, bool paths = false)
    {
        try
        {
            nodes = Evaluate(root, budget, paths ? NormalizedPath.Root : null);
            error = null;
            return true;
        }
        catch (JsonPathBudgetException ex)
        {
            nodes = null;
            error = ex.Message;
            return false;
        }
        catch (InsufficientExecutionStackException)
        {
            nodes = null;
            error = "the document is nested too deeply for this query";
            return false;
        }
    }

    /// <summary>
    /// The value of the only node a query selects, without building a node list: for a singular
    /// query a direct walk that does not allocate. False when no node (or, for a non-singular
    /// query, more than one) is selected; a JSON null is found with a <see langword="null"/> value.
    /// </summary>
    public bool TryGetSingle(JsonNode? root, out JsonNode? value)
    {
        if (IsSingular)
        {
            return TryGetSingular(root, out value);
        }

        var context = new JsonPathContext(root);
        var nodes = context.ChargeResults(Run(context, root, null));
        value = nodes.Count == 1 ? nodes[0].Value : null;
        return nodes.Count == 1;
    }

    public override string ToString() => Text;

    private List<JsonPathNode> Evaluate(JsonNode? root, long budget, NormalizedPath? location)
    {
        var context = new JsonPathContext(root, budget);
        return context.ChargeResults(Run(context, root, location));
    }

    /// <summary>The nodes selected from <paramref name="current"/> (<c>@</c>) or <paramref name="root"/>, no paths.</summary>
    internal List<JsonPathNode> Select(JsonPathContext context, JsonNode? current) =>
        Run(context, IsRelative ? current : context.Root, null);

    internal bool Exists(JsonPathContext context, JsonNode? current) =>
        IsSingular ? TryGetSingular(IsRelative ? current : context.Root, out _) : Select(context, current).Count > 0;

    internal bool TryGetSingular(JsonNode? start, out JsonNode? value)
    {
        var node = start;
        var names = this.names!;
        for (var i = 0; i < names.Length; i++)
        {
            if (names[i] is { } name)
            {
                if (node is not JsonObject obj || !obj.TryGetPropertyValue(name, out node))
                {
                    value = null;
                    return false;
                }
            }
            else
            {
                if (node is not JsonArray array)
                {
                    value = null;
                    return false;
                }

                var index = indexes![i];
                var k = index >= 0 ? index : array.Count + index;
                if (k < 0 || k >= array.Count)
                {
                    value = null;
                    return false;
                }

                node = array[(int)k];
            }
        }

        value = node;
        return true;
    }

    private List<JsonPathNode> Run(JsonPathContext context, JsonNode? start, NormalizedPath? location)
    {
        var current = new List<JsonPathNode> { new(start, location) };
        foreach (var segment in segments)
        {
            var next = new List<JsonPathNode>();
            context.Spend(current.Count);
            foreach (var node in current)
            {
                segment.Apply(node, context, next);
            }

            current = next;
            if (current.Count == 0)
            {
                break;
            }
        }

        return current;
    }
}
