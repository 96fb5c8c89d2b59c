namespace MqttKube.Expressions;

/// <summary>A callable value: a lambda, a builtin function or a bound method.</summary>
internal abstract class PyFunction : PyValue
{
    public override bool IsTruthy => true;

    public abstract PyValue Call(Evaluator evaluator, ReadOnlySpan<PyValue> positional, ReadOnlySpan<KeyValuePair<string, PyValue>> named);
}
