namespace MqttKube.Expressions;

/// <summary>The signature of every builtin function and method.</summary>
internal delegate PyValue PyBuiltinImpl(in CallArgs args);

/// <summary>A builtin function (<c>len</c>) or an unbound method (<c>str.strip</c>).</summary>
internal sealed class PyBuiltinFunction : PyFunction
{
    private readonly PyBuiltinImpl impl;

    public PyBuiltinFunction(string name, PyBuiltinImpl impl)
    {
        Name = name;
        this.impl = impl;
    }

    public string Name { get; }

    public override string TypeName => "builtin_function_or_method";

    public override void WriteRepr(TextBuilder writer) => writer.Append(Name is "int" or "float" or "str" or "bool"
        ? "<class '" + Name + "'>"
        : "<built-in function " + Name + ">");

    public override PyValue Call(Evaluator evaluator, ReadOnlySpan<PyValue> positional, ReadOnlySpan<KeyValuePair<string, PyValue>> named) =>
        impl(new CallArgs(evaluator, Name, null, positional, named));

    /// <summary>Calls as a method of <paramref name="self"/>.</summary>
    public PyValue CallMethod(Evaluator evaluator, PyValue self, ReadOnlySpan<PyValue> positional, ReadOnlySpan<KeyValuePair<string, PyValue>> named) =>
        impl(new CallArgs(evaluator, Name, self, positional, named));
}
