namespace MqttKube.Expressions;

/// <summary>Per-evaluation budget: node evaluations (and items iterated) and nesting/recursion depth.</summary>
internal sealed record EvaluationLimits(int MaxSteps = 10_000, int MaxDepth = 200)
{
    public static EvaluationLimits Default { get; } = new();
}
