namespace MqttKube.Bindings.Plan;

/// <summary>A plan, or every problem that stops the config from loading.</summary>
internal sealed record PlanLoadResult(BindingPlan? Plan, Configuration.ConfigLoadResult Load)
{
    public bool Success => Plan is not null;
}
