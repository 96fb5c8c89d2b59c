using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace MqttKube.JsonPath;

/// <summary>Resolving a locus step by step, and planning the JSON Patch that writes a value there.</summary>
internal sealed partial class Locus
{
    private enum StepOutcome
    {
        Found,
        Missing,
        Error,
    }

    /// <summary>
    /// The RFC 6902 operations that set <paramref name="value"/> at the locus of <paramref name="root"/>:
    /// <c>replace</c> when the target exists, <c>add</c> when not, with one <c>add</c> of a nested object
    /// when intermediate members are missing (or JSON null). Empty when the value already holds (deep
    /// equality, numbers by value; null holds where the member is absent). False with a message naming the locus when a filter selects no
    /// element or several, an index is out of range, or a step meets a value of the wrong type.
    /// </summary>
    public bool PlanWrite(JsonNode? root, JsonNode? value, out IReadOnlyList<JsonPatchOperation> ops, out string? error)
    {
        ops = [];
        error = null;
        var tokens = new List<string>();
        var node = root;
        var context = new JsonPathContext(root);
        var segments = Query.Segments;
        for (var i = 0; i < segments.Count; i++)
        {
            var selector = segments[i].Selectors[0];
            var step = Step(context, node, selector);
            if (step.Outcome == StepOutcome.Error)
            {
                error = $"locus '{Text}': {step.Message} at {Where(tokens)}";
                return false;
            }

            if (step.Outcome == StepOutcome.Missing || (step.Child is null && i < segments.Count - 1))
            {
                if (value is null)
                {
                    return true; // absent reads as null (SPEC 3.2): null already holds
                }

                // Create the rest: only member names can be created, as nested objects.
                var nested = value?.DeepClone();
                for (var j = segments.Count - 1; j > i; j--)
                {
                    if (segments[j].Selectors[0] is not NameSelector name)
                    {
                        error = $"locus '{Text}': cannot create {Describe(segments[j].Selectors[0])} under {Where(tokens)}: " +
                                $"'{Token(step, selector)}' does not exist";
                        return false;
                    }

                    nested = new JsonObject { [name.Name] = nested };
                }

                tokens.Add(Token(step, selector));
                var path = JsonPointer.Format(tokens);
                ops = [step.Outcome == StepOutcome.Found ? JsonPatchOperation.Replace(path, nested) : JsonPatchOperation.Add(path, nested)];
                return true;
            }

            tokens.Add(step.Token!);
            node = step.Child;
        }

        if (!JsonValueComparer.DeepEquals(node, value))
        {
            ops = [JsonPatchOperation.Replace(JsonPointer.Format(tokens), value?.DeepClone())];
        }

        return true;
    }

    private static string Token(StepResult step, Selector selector) =>
        step.Token ?? (selector as NameSelector)?.Name ?? "";

    private static string Where(List<string> tokens) => tokens.Count == 0 ? "the top" : $"'{JsonPointer.Format(tokens)}'";

    private static string Describe(Selector selector) => selector switch
    {
        IndexSelector index => $"array element [{index.Index}]",
        FilterSelector => "the array element a filter selects",
        _ => "a member",
    };

    /// <summary>One step from <paramref name="node"/> through a name, index or filter selector.</summary>
    private static StepResult Step(JsonPathContext context, JsonNode? node, Selector selector)
    {
        switch (selector)
        {
            case NameSelector name:
                if (node is JsonObject obj)
                {
                    return obj.TryGetPropertyValue(name.Name, out var child) ? new StepResult(StepOutcome.Found, child, name.Name) : new StepResult(StepOutcome.Missing, null, name.Name);
                }

                return node is null ? Failure("the document is null, not an object") : Mismatch("an object", node);
            case IndexSelector index:
                if (node is not JsonArray array)
                {
                    return node is null ? Failure($"there is no array for index [{index.Index}]") : Mismatch("an array", node);
                }

                var i = index.Resolve(array.Count);
                return i >= 0
                    ? new StepResult(StepOutcome.Found, array[i], i.ToString(CultureInfo.InvariantCulture))
                    : Failure($"index [{index.Index}] is out of range (the array has {array.Count} element{(array.Count == 1 ? "" : "s")})");
            default:
                var matches = new List<JsonPathNode>();
                try
                {
                    selector.Select(new JsonPathNode(node, NormalizedPath.Root), context, matches);
                }
                catch (JsonPathBudgetException ex)
                {
                    return Failure($"the filter at column {selector.Column}: {ex.Message}");
                }
                catch (InsufficientExecutionStackException)
                {
                    return Failure($"the filter at column {selector.Column}: the document is nested too deeply");
                }

                if (matches.Count != 1)
                {
                    return node is JsonArray or JsonObject
                        ? Failure($"the filter at column {selector.Column} selects {matches.Count} elements, it must select exactly one")
                        : node is null ? Failure($"there is no array for the filter at column {selector.Column}") : Mismatch("an array", node);
                }

                var location = matches[0].Location!;
                return new StepResult(StepOutcome.Found, matches[0].Value, location.Name ?? location.Index.ToString(CultureInfo.InvariantCulture));
        }
    }

    private static StepResult Failure(string message) => new(StepOutcome.Error, null, null, message);

    private static StepResult Mismatch(string expected, JsonNode node) =>
        Failure($"expected {expected} but found {Kind(node)}");

    private static string Kind(JsonNode node) => node.GetValueKind() switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        _ => "a boolean",
    };

    private readonly record struct StepResult(StepOutcome Outcome, JsonNode? Child, string? Token, string? Message = null);
}
