using System.Text.Json.Nodes;
using MqttKube.ValueMapping;

namespace MqttKube.Bindings.Plan;

/// <summary>
/// What a patch would do with one payload (SPEC 3.3, 17), from the functions the service runs: the mapped value, and
/// against a given version of the object the JSON Patch it would send (empty when the value already holds).
/// </summary>
internal sealed record PatchPreview(MapResult Result, IReadOnlyList<JsonNode>? Patch, string? Problem)
{
    /// <param name="current">The object as it is; null when unknown (then no <see cref="Patch"/>).</param>
    public static PatchPreview Of(PlannedPatch patch, string payload, JsonObject? current)
    {
        var result = patch.Values.Map(MapValue.Payload(payload));
        if (!result.Matched || current is null)
        {
            return new PatchPreview(result, null, null);
        }

        var plan = patch.PlanWrite(current, result.Output);
        return plan.Problem is { } problem
            ? new PatchPreview(result, null, problem)
            : new PatchPreview(result, Guarded(current, plan.Operations), null);
    }

    /// <summary>
    /// The request body: the operations after a <c>test</c> of the object's resourceVersion, so that a write never
    /// lands on a version it was not planned against; empty when there is nothing to write. The service sends this very
    /// body (<see cref="Inbound.GuardedPatch"/>).
    /// </summary>
    public static IReadOnlyList<JsonNode> Guarded(JsonObject current, IEnumerable<JsonNode> ops)
    {
        var list = ops.ToList();
        if (list.Count == 0)
        {
            return [];
        }

        var rv = (string?)current["metadata"]?["resourceVersion"];
        return [new JsonObject { ["op"] = "test", ["path"] = "/metadata/resourceVersion", ["value"] = rv }, .. list];
    }
}
