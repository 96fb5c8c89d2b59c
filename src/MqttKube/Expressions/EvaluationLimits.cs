namespace MqttKube.Expressions;

/// <summary>
/// Per-evaluation limits: the work budget in <see cref="WorkMeter"/> units (every node, item, character, value and
/// big-integer word costs its share) and the nesting/recursion depth.
/// </summary>
internal sealed record EvaluationLimits(long MaxWork = 24_000_000, int MaxDepth = 200)
{
    public static EvaluationLimits Default { get; } = new();
}
