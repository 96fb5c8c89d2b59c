using System.Numerics;

namespace MqttKube.Expressions;

/// <summary>The builtin functions. The name table (<see cref="Lookup"/>, <c>Names</c>) is source-generated.</summary>
internal static partial class Builtins
{
    /// <summary>The builtin named <paramref name="name"/>, or null.</summary>
    internal static partial PyBuiltinFunction? Lookup(string name);

    [PyBuiltin("int")]
    private static PyValue Int(in CallArgs a)
    {
        a.Expect(0, 2, "base");
        var x = a.Get(0);
        var radix = a.Get(1, "base");
        if (x is null)
        {
            return radix is null ? PyInt.From(0) : throw PyException.Type("int() missing string argument");
        }

        if (radix is not null)
        {
            if (x is not PyStr s)
            {
                throw PyException.Type("int() can't convert non-string with explicit base");
            }

            var b = PyOps.Index(radix, "base");
            if (b != 0 && (b < 2 || b > 36))
            {
                throw PyException.Value("int() base must be >= 2 and <= 36, or 0");
            }

            return IntParser.ParseForInt(s.Value, (int)b);
        }

        return x switch
        {
            PyInt => x,
            PyBool bo => PyInt.From(bo.Value ? 1 : 0),
            PyFloat f => FromDouble(f.Value),
            PyStr s => IntParser.ParseForInt(s.Value, 10),
            _ => throw PyException.Type("int() argument must be a string, a bytes-like object or a real number, not '" + x.TypeName + "'"),
        };
    }

    /// <summary>Truncates a float to an int, with CPython's errors for NaN and infinities.</summary>
    internal static PyInt FromDouble(double d)
    {
        if (double.IsNaN(d))
        {
            throw PyException.Value("cannot convert float NaN to integer");
        }

        if (double.IsInfinity(d))
        {
            throw PyException.Overflow("cannot convert float infinity to integer");
        }

        var t = Math.Truncate(d);
        return Math.Abs(t) < 9e18 ? PyInt.From((long)t) : PyInt.From(new BigInteger(t));
    }

    [PyBuiltin("float")]
    private static PyValue Float(in CallArgs a)
    {
        a.Expect(0, 1);
        var x = a.Get(0);
        return x switch
        {
            null => new PyFloat(0.0),
            PyFloat => x,
            PyInt or PyBool => new PyFloat(PyOps.AsDouble(x)!.Value),
            PyStr s => new PyFloat(FloatParser.Parse(s.Value)),
            _ => throw PyException.Type("float() argument must be a string or a real number, not '" + x.TypeName + "'"),
        };
    }

    [PyBuiltin("str")]
    private static PyValue Str(in CallArgs a)
    {
        a.Expect(0, 1);
        return a.Get(0) is { } x ? (x is PyStr ? x : new PyStr(x.Str())) : PyStr.Empty;
    }

    [PyBuiltin("format")]
    private static PyValue Format(in CallArgs a)
    {
        a.Expect(1, 2);
        var spec = a.Get(1) ?? PyStr.Empty;
        if (spec is not PyStr s)
        {
            throw PyException.Type("format() argument 2 must be str, not " + spec.TypeName);
        }

        return new PyStr(Formatting.PyFormat.FormatValue(a[0], s.Value));
    }

    [PyBuiltin("repr")]
    private static PyValue Repr(in CallArgs a)
    {
        a.Expect(1, 1);
        return new PyStr(a[0].Repr());
    }

    [PyBuiltin("bool")]
    private static PyValue Bool(in CallArgs a)
    {
        a.Expect(0, 1);
        return PyOps.Bool(a.Get(0)?.IsTruthy ?? false);
    }

    [PyBuiltin("len")]
    private static PyValue Len(in CallArgs a)
    {
        a.Expect(1, 1);
        return PyInt.From(PyOps.Len(a[0]));
    }

    [PyBuiltin("abs")]
    private static PyValue Abs(in CallArgs a)
    {
        a.Expect(1, 1);
        var x = a[0];
        return x switch
        {
            PyFloat f => new PyFloat(Math.Abs(f.Value)),
            _ when PyOps.AsInt(x) is { } i => i.Big.Sign < 0 ? PyOps.Negate(i) : i,
            _ => throw PyException.Type("bad operand type for abs(): '" + x.TypeName + "'"),
        };
    }

    [PyBuiltin("list")]
    private static PyValue List(in CallArgs a)
    {
        a.Expect(0, 1);
        return a.Get(0) is { } x ? new PyList(PyOps.ToNewArray(x)) : new PyList([]);
    }

    [PyBuiltin("tuple")]
    private static PyValue Tuple(in CallArgs a)
    {
        a.Expect(0, 1);
        return a.Get(0) is { } x ? new PyTuple(PyOps.ToNewArray(x)) : PyTuple.Empty;
    }
}
