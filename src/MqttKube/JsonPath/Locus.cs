using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Nodes;

namespace MqttKube.JsonPath;

/// <summary>
/// A singular location in an object that a <c>patch</c> writes (SPEC 3.3): a query in locus syntax
/// whose every segment is a child segment with one member name, one array index, or one filter
/// that must select exactly one child (e.g. <c>$.spec.template.spec.containers[?@.name=='app'].image</c>).
/// </summary>
internal sealed partial class Locus
{
    private Locus(JsonPathQuery query) => Query = query;

    /// <summary>The text the locus was parsed from.</summary>
    public string Text => Query.Text;

    /// <summary>The locus as a query (its <see cref="JsonPathQuery.IsSingular"/> is false when it has a filter).</summary>
    public JsonPathQuery Query { get; }

    public static bool TryParse(string text, [NotNullWhen(true)] out Locus? locus, [NotNullWhen(false)] out JsonPathError? error)
    {
        locus = null;
        if (!JsonPathQuery.TryParse(text, JsonPathSyntax.Locus, out var query, out error))
        {
            return false;
        }

        if (query.Segments.Count == 0)
        {
            error = new JsonPathError(1, "a locus must name a member of the object, not the whole object");
            return false;
        }

        foreach (var segment in query.Segments)
        {
            if (segment.IsDescendant)
            {
                error = new JsonPathError(segment.Column, "a locus must be a single location: '..' may select many nodes");
                return false;
            }

            if (segment.Selectors.Count != 1)
            {
                error = new JsonPathError(segment.Selectors[1].Column, "a locus must be a single location: use one selector per '[…]'");
                return false;
            }

            if (segment.Selectors[0] is WildcardSelector or SliceSelector)
            {
                error = new JsonPathError(
                    segment.Selectors[0].Column,
                    "a locus must be a single location: use member names, indexes, or a filter that selects one element, not a wildcard or slice");
                return false;
            }
        }

        locus = new Locus(query);
        return true;
    }

    /// <summary>
    /// The value at the locus: <c>Found</c> is false when it does not exist (a JSON null that exists is
    /// found with a null value) or when a filter selects no child or several.
    /// </summary>
    public (bool Found, JsonNode? Value) Read(JsonNode? root)
    {
        if (Query.IsSingular)
        {
            var found = Query.TryGetSingular(root, out var value);
            return (found, value);
        }

        var node = root;
        var context = new JsonPathContext(root);
        foreach (var segment in Query.Segments)
        {
            var step = Step(context, node, segment.Selectors[0]);
            if (step.Outcome != StepOutcome.Found)
            {
                return (false, null);
            }

            node = step.Child;
        }

        return (true, node);
    }

    public override string ToString() => Text;
}
