namespace MqttKube.Expressions;

/// <summary>A method taken from a value without calling it (<c>'a'.upper</c>).</summary>
internal sealed class PyBoundMethod : PyFunction
{
    public PyBoundMethod(PyValue self, PyBuiltinFunction method)
    {
        Self = self;
        Method = method;
    }

    public PyValue Self { get; }

    public PyBuiltinFunction Method { get; }

    public override string TypeName => "builtin_function_or_method";

    public override string Repr() => "<built-in method " + Method.Name + " of " + Self.TypeName + " object>";

    public override PyValue Call(Evaluator evaluator, ReadOnlySpan<PyValue> positional, ReadOnlySpan<KeyValuePair<string, PyValue>> named) =>
        Method.CallMethod(evaluator, Self, positional, named);
}
