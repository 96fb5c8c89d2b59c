using System.Text.Json.Nodes;

namespace MqttKube.Bindings.Plan;

/// <summary>
/// What a write needs against one version of the object: the JSON Patch operations (none: nothing to do), or why it
/// cannot be written. <paramref name="Check"/> tells whether a version of the object holds the write (planning it again
/// finds nothing to do); null: the same planning that made this plan (a restore write plans differently once it
/// landed, so it names the plain write of the value it chose).
/// </summary>
internal sealed record PatchPlan(IReadOnlyList<JsonNode> Operations, string? Problem = null, Func<JsonObject, PatchPlan>? Check = null)
{
    public static PatchPlan Refused(string problem) => new([], problem);
}
