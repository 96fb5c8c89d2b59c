using System.Numerics;

namespace MqttKube.Expressions;

/// <summary>CPython's operators on <see cref="PyValue"/>s. Errors are thrown as <see cref="PyException"/>.</summary>
internal static partial class PyOps
{
    /// <summary>Strings and lists longer than this are refused instead of allocated.</summary>
    public const int MaxLength = 1_000_000;

    /// <summary>An int (bool counts as int), or null.</summary>
    public static PyInt? AsInt(PyValue value) => value switch
    {
        PyInt i => i,
        PyBool b => PyInt.From(b.Value ? 1 : 0),
        _ => null,
    };

    public static bool IsNumber(PyValue value) => value is PyInt or PyBool or PyFloat;

    /// <summary>A number as a double (OverflowError for huge ints), or null.</summary>
    public static double? AsDouble(PyValue value) => value switch
    {
        PyFloat f => f.Value,
        PyInt i => i.ToDouble(),
        PyBool b => b.Value ? 1.0 : 0.0,
        _ => null,
    };

    public static PyValue Bool(bool value) => value ? PyBool.True : PyBool.False;

    public static PyValue Int(BigInteger value) => PyInt.From(value);

    public static PyException Unsupported(string op, PyValue a, PyValue b) =>
        PyException.Type("unsupported operand type(s) for " + op + ": '" + a.TypeName + "' and '" + b.TypeName + "'");

    public static void CheckLength(long length)
    {
        if (length > MaxLength)
        {
            throw PyException.Limit("result too large (more than " + MaxLength + " items)");
        }
    }

    /// <summary>An index argument (int or bool), as CPython's <c>__index__</c>.</summary>
    public static long Index(PyValue value, string what = "indices")
    {
        var i = AsInt(value) ?? throw PyException.Type(what + " must be integers, not " + value.TypeName);
        if (i.IsBig)
        {
            throw PyException.Index("cannot fit 'int' into an index-sized integer");
        }

        return i.Value;
    }

    /// <summary>Python <c>is</c>: identity; None/True/False are singletons, small ints are cached.</summary>
    public static bool Is(PyValue a, PyValue b) =>
        ReferenceEquals(a, b) || (a is PyInt x && b is PyInt y && !x.IsBig && !y.IsBig && x.Value == y.Value && x.Value is >= -5 and <= 256);

    /// <summary>Python <c>x in container</c>.</summary>
    public static bool Contains(PyValue container, PyValue item)
    {
        switch (container)
        {
            case PyStr s:
                if (item is not PyStr sub)
                {
                    throw PyException.Type("'in <string>' requires string as left operand, not " + item.TypeName);
                }

                return s.Value.Contains(sub.Value, StringComparison.Ordinal);
            case PyDict d:
                return d.TryGet(item, out _);
            case PyList or PyTuple or PyDictView or PyGenerator:
                foreach (var x in Iterate(container))
                {
                    if (ReferenceEquals(x, item) || Equal(x, item))
                    {
                        return true;
                    }
                }

                return false;
            default:
                throw PyException.Type("argument of type '" + container.TypeName + "' is not iterable");
        }
    }

    /// <summary>Python iteration: str yields characters, dict yields keys.</summary>
    public static IEnumerable<PyValue> Iterate(PyValue value) => value switch
    {
        PyList l => l.Items,
        PyTuple t => t.Items,
        PyDictView v => v.Items,
        PyDict d => d.Keys.ToArray(),
        PyStr s => IterateStr(s),
        PyGenerator g => g.Drain(),
        _ => throw PyException.Type("'" + value.TypeName + "' object is not iterable"),
    };

    /// <summary>Iterates into an array (charging a step per item).</summary>
    public static PyValue[] ToArray(PyValue value, Evaluator? evaluator)
    {
        switch (value)
        {
            case PyList l:
                evaluator?.Charge(l.Items.Length);
                return l.Items;
            case PyTuple t:
                evaluator?.Charge(t.Items.Length);
                return t.Items;
        }

        var list = new List<PyValue>();
        foreach (var item in Iterate(value))
        {
            evaluator?.Charge(1);
            list.Add(item);
        }

        return [.. list];
    }

    public static long Len(PyValue value) => value switch
    {
        PyStr s => s.Length,
        PyList l => l.Items.Length,
        PyTuple t => t.Items.Length,
        PyDict d => d.Count,
        PyDictView v => v.Items.Length,
        _ => throw PyException.Type("object of type '" + value.TypeName + "' has no len()"),
    };

    private static IEnumerable<PyValue> IterateStr(PyStr s)
    {
        var n = s.Length;
        for (var i = 0; i < n; i++)
        {
            yield return new PyStr(s.Slice(i, i + 1));
        }
    }
}
