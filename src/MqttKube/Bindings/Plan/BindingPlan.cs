using MqttKube.Configuration;

namespace MqttKube.Bindings.Plan;

/// <summary>The whole config, checked and compiled: what <c>check</c> validates and <c>run</c> executes.</summary>
internal sealed record BindingPlan(MqttKubeConfig Config, IReadOnlyList<PlannedBinding> Bindings);
