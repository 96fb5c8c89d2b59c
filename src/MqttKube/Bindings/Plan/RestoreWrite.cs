using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using MqttKube.JsonPath;

namespace MqttKube.Bindings.Plan;

/// <summary>
/// <c>restore: true</c> (SPEC 14): writing 0 over a positive integer records the replaced value in the annotation
/// <c>mqtt-kube/restore.&lt;last locus segment&gt;</c>; writing a positive integer while that annotation holds a positive
/// integer writes the recorded value instead and removes the annotation. Both in the one guarded JSON Patch of the write.
/// </summary>
internal static class RestoreWrite
{
    public const string AnnotationPrefix = "mqtt-kube/restore.";

    /// <summary>The annotation of a locus, or null when its last segment is not a member name (an index, a filter).</summary>
    public static string? Annotation(Locus locus) =>
        locus.Query.Segments is [.., var last] && last.Selectors is [NameSelector name] ? AnnotationPrefix + name.Name : null;

    public static PatchPlan Plan(Locus locus, string annotation, JsonObject current, JsonNode? value)
    {
        var wanted = PositiveOrZero(value);
        var recorded = Recorded(current, annotation);
        var (_, held) = locus.Read(current);
        if (wanted == 0 && PositiveOrZero(held) is > 0 and var replaced)
        {
            var write = Plain(locus, current, value);
            if (write.Problem is not null)
            {
                return write;
            }

            Locus.TryParse($"$.metadata.annotations['{annotation}']", out var note, out _);
            note!.PlanWrite(current, JsonValue.Create(replaced.ToString(CultureInfo.InvariantCulture)), out var noteOps, out _);
            return new PatchPlan([.. write.Operations, .. noteOps.Select(o => o.ToJsonNode())], Check: c => Plain(locus, c, value));
        }

        if (wanted > 0 && recorded is { } restored)
        {
            var back = JsonValue.Create(restored);
            var write = Plain(locus, current, back);
            if (write.Problem is not null)
            {
                return write;
            }

            var remove = JsonPatchOperation.Remove(JsonPointer.Format(["metadata", "annotations", annotation]));
            return new PatchPlan([.. write.Operations, remove.ToJsonNode()], Check: c => Plain(locus, c, back));
        }

        return Plain(locus, current, value);
    }

    public static PatchPlan Plain(Locus locus, JsonObject current, JsonNode? value) =>
        locus.PlanWrite(current, value?.DeepClone(), out var ops, out var error)
            ? new PatchPlan([.. ops.Select(o => o.ToJsonNode())])
            : PatchPlan.Refused(error ?? "the locus cannot be written");

    /// <summary>The recorded value when the annotation holds a positive integer.</summary>
    private static long? Recorded(JsonObject current, string annotation) =>
        current["metadata"]?["annotations"]?[annotation] is JsonValue v && v.TryGetValue<string>(out var text)
        && long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0 ? n : null;

    /// <summary>A non-negative integral number, else null.</summary>
    private static long? PositiveOrZero(JsonNode? node)
    {
        if (node is not JsonValue v)
        {
            return null;
        }

        // Numbers by their text: a value map's output and a parsed object hold them in different .NET types.
        return v.GetValueKind() == JsonValueKind.Number
            && decimal.TryParse(v.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var d)
            && d >= 0 && d == decimal.Truncate(d) && d <= long.MaxValue
            ? (long)d
            : null;
    }
}
