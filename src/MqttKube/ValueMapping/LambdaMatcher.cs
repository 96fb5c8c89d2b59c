using MqttKube.Expressions;

namespace MqttKube.ValueMapping;

/// <summary><c>lambda v: EXPR</c>: EXPR is truthy for the value; an error is a non-match.</summary>
internal sealed class LambdaMatcher(Expression lambda) : IMatcher
{
    public bool Matches(in MapValue value, out IReadOnlyList<KeyValuePair<string, string?>>? groups)
    {
        groups = null;
        var result = lambda.Invoke(value.ToPy());
        return result.IsSuccess && result.Value!.IsTruthy;
    }
}
