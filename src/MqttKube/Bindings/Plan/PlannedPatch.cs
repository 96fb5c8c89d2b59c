using System.Text.Json.Nodes;
using MqttKube.Configuration;
using MqttKube.JsonPath;
using MqttKube.ValueMapping;

namespace MqttKube.Bindings.Plan;

/// <summary>A patch ready to run: its singular locus and value map compiled.</summary>
internal sealed record PlannedPatch(int Index, PatchConfig Config, Locus Locus, ValueMap Values)
{
    /// <summary>The operations that write <paramref name="value"/> at the locus of <paramref name="current"/> (the service and <c>dry-run</c> alike).</summary>
    public PatchPlan PlanWrite(JsonObject current, JsonNode? value) =>
        Locus.PlanWrite(current, value?.DeepClone(), out var ops, out var error)
            ? new PatchPlan([.. ops.Select(o => o.ToJsonNode())])
            : PatchPlan.Refused(error ?? "the locus cannot be written");
}
