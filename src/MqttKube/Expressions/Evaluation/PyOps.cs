using System.Numerics;

namespace MqttKube.Expressions;

/// <summary>CPython's operators on <see cref="PyValue"/>s. Errors are thrown as <see cref="PyException"/>.</summary>
internal static partial class PyOps
{
    /// <summary>Strings (UTF-16 units), lists, tuples and reprs longer than this are refused before they are allocated.</summary>
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
            throw PyException.Limit("value too large (more than " + MaxLength + " items or characters)");
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

    /// <summary>A slice bound or search position (int, bool or None): huge values clamp, as CPython's _PyEval_SliceIndex.</summary>
    public static long? SliceIndex(PyValue? value)
    {
        if (value is null or PyNone)
        {
            return null;
        }

        var n = AsInt(value) ?? throw PyException.Type("slice indices must be integers or None or have an __index__ method");
        return n.IsBig ? (n.Big.Sign < 0 ? -long.MaxValue : long.MaxValue) : Math.Max(n.Value, -long.MaxValue);
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

                return TextSearch.IndexOf(s.Value, sub.Value, 0) >= 0;
            case PyDict d:
                return d.TryGet(item, out _);
            case PyDictView { Kind: not "dict_values" } view:
                return view.Contains(item);
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

    /// <summary>Python iteration: str yields characters, dict yields keys. Each item is charged as it is reached.</summary>
    public static IEnumerable<PyValue> Iterate(PyValue value) => value switch
    {
        PyList l => IterateArray(l.Items),
        PyTuple t => IterateArray(t.Items),
        PyDictView v => IterateArray(v.Items),
        PyDict d => IterateArray(d.KeyArray),
        PyStr s => IterateStr(s),
        PyGenerator g => IterateGenerator(g),
        _ => throw PyException.Type("'" + value.TypeName + "' object is not iterable"),
    };

    /// <summary>The items of an iterable as an array (not a copy for a list or tuple: do not change it), charged.</summary>
    public static PyValue[] ToArray(PyValue value)
    {
        switch (value)
        {
            case PyList l:
                WorkMeter.Items(l.Items.Length);
                return l.Items;
            case PyTuple t:
                WorkMeter.Items(t.Items.Length);
                return t.Items;
        }

        return ToNewArray(value);
    }

    /// <summary>The items of an iterable in a new array (a copy for a list or tuple), charged.</summary>
    public static PyValue[] ToNewArray(PyValue value)
    {
        if (value is PyList or PyTuple)
        {
            return [.. ToArray(value)];
        }

        // The list grows by doubling: each item is written about three times before the final copy.
        var list = new List<PyValue>();
        foreach (var item in Iterate(value))
        {
            CheckLength(list.Count + 1L);
            WorkMeter.Items(3);
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

    private static IEnumerable<PyValue> IterateArray(PyValue[] items)
    {
        foreach (var item in items)
        {
            WorkMeter.Items(1);
            yield return item;
        }
    }

    private static IEnumerable<PyValue> IterateGenerator(PyGenerator generator)
    {
        foreach (var item in generator.Drain())
        {
            WorkMeter.Items(1);
            yield return item;
        }
    }

    private static IEnumerable<PyValue> IterateStr(PyStr s)
    {
        var n = s.Length;
        for (var i = 0; i < n; i++)
        {
            WorkMeter.Items(1);
            yield return s.CharAt(i);
        }
    }
}
