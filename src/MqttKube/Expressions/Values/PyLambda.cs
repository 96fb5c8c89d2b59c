using System.Runtime.InteropServices;
using MqttKube.Expressions.Ast;

namespace MqttKube.Expressions;

/// <summary>A lambda closed over the scope it was created in.</summary>
internal sealed class PyLambda : PyFunction
{
    private readonly string[] parameters;

    public PyLambda(LambdaNode node, Frame? closure)
    {
        Node = node;
        Closure = closure;
        parameters = ImmutableCollectionsMarshal.AsArray(node.Parameters)!;
    }

    public LambdaNode Node { get; }

    public Frame? Closure { get; }

    public override string TypeName => "function";

    public override void WriteRepr(TextBuilder writer) => writer.Append("<function <lambda>>");

    public override PyValue Call(Evaluator evaluator, ReadOnlySpan<PyValue> positional, ReadOnlySpan<KeyValuePair<string, PyValue>> named)
    {
        if (positional.Length > parameters.Length)
        {
            throw PyException.Type("<lambda>() takes " + parameters.Length + " positional argument" + (parameters.Length == 1 ? string.Empty : "s")
                + " but " + positional.Length + (positional.Length == 1 ? " was" : " were") + " given");
        }

        var values = new PyValue[parameters.Length];
        positional.CopyTo(values);
        foreach (var (key, value) in named)
        {
            var slot = Array.IndexOf(parameters, key);
            if (slot < 0)
            {
                throw PyException.Type("<lambda>() got an unexpected keyword argument '" + key + "'");
            }

            if (values[slot] is not null)
            {
                throw PyException.Type("<lambda>() got multiple values for argument '" + key + "'");
            }

            values[slot] = value;
        }

        var missing = Array.IndexOf(values, null);
        if (missing >= 0)
        {
            throw PyException.Type("<lambda>() missing required positional argument: '" + parameters[missing] + "'");
        }

        return evaluator.Eval(Node.Body, new Frame(Closure, parameters, values));
    }
}
