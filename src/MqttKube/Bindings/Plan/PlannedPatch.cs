using System.Text.Json.Nodes;
using MqttKube.Configuration;
using MqttKube.JsonPath;
using MqttKube.ValueMapping;

namespace MqttKube.Bindings.Plan;

/// <summary>A patch ready to run: its singular locus and value map compiled.</summary>
internal sealed record PlannedPatch(int Index, PatchConfig Config, Locus Locus, ValueMap Values)
{
    /// <summary>The annotation that records the replaced value (<c>restore: true</c>, SPEC 14), or null.</summary>
    public string? RestoreAnnotation { get; } = Config.Restore ? RestoreWrite.Annotation(Locus) : null;

    /// <summary>The operations that write <paramref name="value"/> at the locus of <paramref name="current"/> (the service and <c>dry-run</c> alike).</summary>
    public PatchPlan PlanWrite(JsonObject current, JsonNode? value) =>
        RestoreAnnotation is { } annotation
            ? RestoreWrite.Plan(Locus, annotation, current, value)
            : RestoreWrite.Plain(Locus, current, value);
}
