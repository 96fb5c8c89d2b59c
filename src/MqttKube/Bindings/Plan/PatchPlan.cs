using System.Text.Json.Nodes;

namespace MqttKube.Bindings.Plan;

/// <summary>What a write needs against one version of the object: the JSON Patch operations (none: nothing to do), or why it cannot be written.</summary>
internal sealed record PatchPlan(IReadOnlyList<JsonNode> Operations, string? Problem = null)
{
    public static PatchPlan Refused(string problem) => new([], problem);
}
