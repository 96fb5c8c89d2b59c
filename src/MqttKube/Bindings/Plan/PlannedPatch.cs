using MqttKube.Configuration;
using MqttKube.JsonPath;
using MqttKube.ValueMapping;

namespace MqttKube.Bindings.Plan;

/// <summary>A patch ready to run: its singular locus and value map compiled.</summary>
internal sealed record PlannedPatch(int Index, PatchConfig Config, Locus Locus, ValueMap Values);
