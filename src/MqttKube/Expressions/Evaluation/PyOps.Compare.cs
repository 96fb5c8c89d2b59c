using System.Numerics;
using System.Runtime.CompilerServices;

namespace MqttKube.Expressions;

internal static partial class PyOps
{
    /// <summary>Python <c>==</c>.</summary>
    public static bool Equal(PyValue a, PyValue b)
    {
        if (ReferenceEquals(a, b))
        {
            return a is not PyFloat f || !double.IsNaN(f.Value);
        }

        switch (a)
        {
            case PyStr sa:
                return b is PyStr sb && StringsEqual(sa.Value, sb.Value);
            case PyInt or PyBool or PyFloat:
                return IsNumber(b) && CompareNumbers(a, b) == 0;
            case PyList la:
                return b is PyList lb && SequenceEqual(la.Items, lb.Items);
            case PyTuple ta:
                return b is PyTuple tb && SequenceEqual(ta.Items, tb.Items);
            case PyDict da:
                return b is PyDict db && DictEqual(da, db);
            case PyDictView va:
                return b is PyDictView vb && va.SetEquals(vb);
            default:
                return false;
        }
    }

    /// <summary>Python <c>&lt;</c>, <c>&lt;=</c>, <c>&gt;</c>, <c>&gt;=</c> (op is the operator text).</summary>
    public static bool Order(PyValue a, PyValue b, string op)
    {
        if (IsNumber(a) && IsNumber(b))
        {
            return Test(CompareNumbers(a, b), op);
        }

        if (a is PyStr sa && b is PyStr sb)
        {
            return Test(CompareStrings(sa.Value, sb.Value), op);
        }

        if ((a is PyList && b is PyList) || (a is PyTuple && b is PyTuple))
        {
            // The first items that differ decide, as CPython: an equality walk, then one ordering.
            RuntimeHelpers.EnsureSufficientExecutionStack();
            var x = a is PyList l ? l.Items : ((PyTuple)a).Items;
            var y = b is PyList m ? m.Items : ((PyTuple)b).Items;
            var n = Math.Min(x.Length, y.Length);
            for (var i = 0; i < n; i++)
            {
                WorkMeter.Items(1);
                if (!ReferenceEquals(x[i], y[i]) && !Equal(x[i], y[i]))
                {
                    return Order(x[i], y[i], op);
                }
            }

            return Test(x.Length.CompareTo(y.Length), op);
        }

        throw PyException.Type("'" + op + "' not supported between instances of '" + a.TypeName + "' and '" + b.TypeName + "'");
    }

    /// <summary>-1, 0, 1, or 2 when unordered (NaN).</summary>
    public static int CompareNumbers(PyValue a, PyValue b)
    {
        if (a is PyFloat fa)
        {
            return b is PyFloat fb ? CompareDoubles(fa.Value, fb.Value) : -Flip(CompareIntDouble(AsInt(b)!, fa.Value));
        }

        if (b is PyFloat fb2)
        {
            return CompareIntDouble(AsInt(a)!, fb2.Value);
        }

        var ia = AsInt(a)!;
        var ib = AsInt(b)!;
        if (!ia.IsBig && !ib.IsBig)
        {
            return ia.Value.CompareTo(ib.Value);
        }

        WorkMeter.Words(Math.Max(ia.Words, ib.Words));
        return ia.Big.CompareTo(ib.Big);
    }

    private static int Flip(int c) => c == 2 ? -2 : c;

    private static bool Test(int c, string op) => c != 2 && c != -2 && op switch
    {
        "<" => c < 0,
        "<=" => c <= 0,
        ">" => c > 0,
        _ => c >= 0,
    };

    private static int CompareDoubles(double x, double y) =>
        double.IsNaN(x) || double.IsNaN(y) ? 2 : x < y ? -1 : x > y ? 1 : 0;

    private static int CompareIntDouble(PyInt i, double d)
    {
        if (double.IsNaN(d))
        {
            return 2;
        }

        if (IsExactDouble(i))
        {
            return CompareDoubles(i.Value, d);
        }

        if (double.IsInfinity(d))
        {
            return d > 0 ? -1 : 1;
        }

        var floor = Math.Floor(d);
        ChargeLinear(i, i);
        var c = i.Big.CompareTo(new BigInteger(floor));
        return c != 0 ? c : floor == d ? 0 : -1;
    }

    /// <summary>Code point order (UTF-16 order differs only for surrogates), charged by the common prefix compared.</summary>
    private static int CompareStrings(string x, string y)
    {
        var i = x.AsSpan().CommonPrefixLength(y);
        WorkMeter.Scanned(i + 1);
        if (i < x.Length && i < y.Length)
        {
            var cx = char.IsSurrogate(x[i]) ? 0x10000 + x[i] : x[i];
            var cy = char.IsSurrogate(y[i]) ? 0x10000 + y[i] : y[i];
            return cx < cy ? -1 : 1;
        }

        return x.Length.CompareTo(y.Length);
    }

    private static bool StringsEqual(string x, string y)
    {
        if (x.Length != y.Length)
        {
            return false;
        }

        WorkMeter.Scanned(x.Length);
        return string.Equals(x, y, StringComparison.Ordinal);
    }

    private static bool SequenceEqual(PyValue[] x, PyValue[] y)
    {
        if (x.Length != y.Length)
        {
            return false;
        }

        RuntimeHelpers.EnsureSufficientExecutionStack();
        for (var i = 0; i < x.Length; i++)
        {
            WorkMeter.Items(1);
            if (!ReferenceEquals(x[i], y[i]) && !Equal(x[i], y[i]))
            {
                return false;
            }
        }

        return true;
    }

    private static bool DictEqual(PyDict a, PyDict b)
    {
        if (a.Count != b.Count)
        {
            return false;
        }

        RuntimeHelpers.EnsureSufficientExecutionStack();
        for (var i = 0; i < a.Count; i++)
        {
            WorkMeter.Items(1);
            if (!b.TryGet(a.Keys[i], out var other) || (!ReferenceEquals(a.Values[i], other) && !Equal(a.Values[i], other)))
            {
                return false;
            }
        }

        return true;
    }
}
