using MqttKube.Expressions.Ast;

namespace MqttKube.Expressions;

internal sealed partial class Evaluator
{
    internal PyValue VisitComprehension(ComprehensionNode node, Frame? frame)
    {
        // The first iterable is evaluated at once, in the enclosing scope, as in CPython.
        var first = Eval(node.Clauses[0].Iterable, frame);
        var items = Run(node, 0, frame, first);
        if (node.IsGenerator)
        {
            return new PyGenerator(items);
        }

        var list = new List<PyValue>();
        foreach (var item in items)
        {
            PyOps.CheckLength(list.Count + 1L);
            WorkMeter.Items(3);
            list.Add(item);
        }

        return new PyList([.. list]);
    }

    private IEnumerable<PyValue> Run(ComprehensionNode node, int index, Frame? outer, PyValue? iterable)
    {
        var clause = node.Clauses[index];
        var names = new List<string>();
        CollectNames(clause.Target, names);
        var namesArray = names.ToArray();
        var scope = new Frame(outer, namesArray, new PyValue[namesArray.Length]);
        iterable ??= Eval(clause.Iterable, outer);
        foreach (var item in PyOps.Iterate(iterable))
        {
            Assign(clause.Target, item, scope);
            var ok = true;
            foreach (var condition in clause.Conditions)
            {
                if (!Eval(condition, scope).IsTruthy)
                {
                    ok = false;
                    break;
                }
            }

            if (!ok)
            {
                continue;
            }

            if (index == node.Clauses.Length - 1)
            {
                yield return Eval(node.Element, scope);
            }
            else
            {
                foreach (var inner in Run(node, index + 1, scope, null))
                {
                    yield return inner;
                }
            }
        }
    }

    private static void CollectNames(Node target, List<string> names)
    {
        switch (target)
        {
            case NameNode n:
                names.Add(n.Name);
                break;
            case TupleNode t:
                t.Items.ToList().ForEach(i => CollectNames(i, names));
                break;
            case ListNode l:
                l.Items.ToList().ForEach(i => CollectNames(i, names));
                break;
        }
    }

    private static void Assign(Node target, PyValue value, Frame scope)
    {
        if (target is NameNode name)
        {
            scope.Set(scope.SlotOf(name.Name), value);
            return;
        }

        var targets = target is TupleNode t ? t.Items : ((ListNode)target).Items;
        var values = PyOps.ToArray(value);
        if (values.Length != targets.Length)
        {
            throw PyException.Value(values.Length < targets.Length
                ? "not enough values to unpack (expected " + targets.Length + ", got " + values.Length + ")"
                : "too many values to unpack (expected " + targets.Length + ")");
        }

        for (var i = 0; i < values.Length; i++)
        {
            Assign(targets[i], values[i], scope);
        }
    }
}
