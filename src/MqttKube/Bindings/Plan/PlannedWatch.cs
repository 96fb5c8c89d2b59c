using MqttKube.Configuration;
using MqttKube.JsonPath;
using MqttKube.ValueMapping;

namespace MqttKube.Bindings.Plan;

/// <summary>A watch ready to run: its locus and value map compiled.</summary>
internal sealed record PlannedWatch(int Index, WatchConfig Config, JsonPathQuery Locus, ValueMap Values);
