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

    public override void WriteRepr(TextBuilder writer) => writer.Append("<built-in method ").Append(Method.Name).Append(" of ").Append(Self.TypeName).Append(" object>");

    public override PyValue Call(Evaluator evaluator, ReadOnlySpan<PyValue> positional, ReadOnlySpan<KeyValuePair<string, PyValue>> named) =>
        Method.CallMethod(evaluator, Self, positional, named);
}
