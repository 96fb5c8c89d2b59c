using MqttKube.Expressions.Ast;

namespace MqttKube.Expressions;

internal sealed partial class Evaluator
{
    internal PyValue VisitCall(CallNode node, Frame? frame)
    {
        PyValue? self = null;
        PyBuiltinFunction? method = null;
        PyValue function;
        if (node.Function is AttributeNode attribute)
        {
            self = Eval(attribute.Target, frame);
            method = Methods.Find(self, attribute.Name);
            function = method ?? GetAttribute(self, attribute.Name);
        }
        else
        {
            function = Eval(node.Function, frame);
        }

        var args = node.Arguments.Length == 0 ? [] : new PyValue[node.Arguments.Length];
        for (var i = 0; i < args.Length; i++)
        {
            args[i] = Eval(node.Arguments[i], frame);
        }

        var named = node.Keywords.Length == 0 ? [] : new KeyValuePair<string, PyValue>[node.Keywords.Length];
        for (var i = 0; i < named.Length; i++)
        {
            named[i] = new(node.Keywords[i].Name, Eval(node.Keywords[i].Value, frame));
        }

        if (method is not null)
        {
            return method.CallMethod(this, self!, args, named);
        }

        if (function is not PyFunction f)
        {
            throw PyException.Type("'" + function.TypeName + "' object is not callable");
        }

        return f.Call(this, args, named);
    }

    internal PyValue VisitAttribute(AttributeNode node, Frame? frame) => GetAttribute(Eval(node.Target, frame), node.Name);

    /// <summary>Dotted access: a key of a mapping (missing key: error), else a method of the value.</summary>
    private static PyValue GetAttribute(PyValue target, string name)
    {
        if (target is PyDict dict && dict.TryGet(name, out var value))
        {
            return value;
        }

        if (Methods.Find(target, name) is { } method)
        {
            return new PyBoundMethod(target, method);
        }

        throw PyException.Attribute("'" + target.TypeName + "' object has no attribute '" + name + "'");
    }

    internal PyValue VisitSubscript(SubscriptNode node, Frame? frame)
    {
        var target = Eval(node.Target, frame);
        if (node.Index is SliceNode slice)
        {
            var lower = slice.Lower is null ? null : Eval(slice.Lower, frame);
            var upper = slice.Upper is null ? null : Eval(slice.Upper, frame);
            var step = slice.Step is null ? null : Eval(slice.Step, frame);
            return PyOps.GetSlice(target, lower, upper, step);
        }

        return PyOps.GetItem(target, Eval(node.Index, frame));
    }

    internal PyValue VisitSlice(SliceNode node, Frame? frame) =>
        throw PyException.Type("slices are only supported directly inside a subscript");

    internal PyValue VisitList(ListNode node, Frame? frame) => new PyList(EvalAll(node.Items, frame));

    internal PyValue VisitTuple(TupleNode node, Frame? frame) =>
        node.Items.Length == 0 ? PyTuple.Empty : new PyTuple(EvalAll(node.Items, frame));

    internal PyValue VisitDict(DictNode node, Frame? frame)
    {
        var builder = new PyDict.Builder();
        for (var i = 0; i < node.Keys.Length; i++)
        {
            var key = Eval(node.Keys[i], frame);
            builder.Set(key, Eval(node.Values[i], frame));
        }

        return builder.Build();
    }

    internal PyValue VisitLambda(LambdaNode node, Frame? frame) => new PyLambda(node, frame);

    private PyValue[] EvalAll(System.Collections.Immutable.ImmutableArray<Node> nodes, Frame? frame)
    {
        var values = new PyValue[nodes.Length];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = Eval(nodes[i], frame);
        }

        return values;
    }
}
