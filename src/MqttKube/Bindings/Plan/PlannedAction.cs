using MqttKube.Configuration;
using MqttKube.Templates;
using MqttKube.ValueMapping;

namespace MqttKube.Bindings.Plan;

/// <summary>An action ready to run: its template loaded and compiled, its value map compiled.</summary>
internal sealed record PlannedAction(int Index, ActionConfig Config, Template? Template, ValueMap Values, string LaunchLabel);
