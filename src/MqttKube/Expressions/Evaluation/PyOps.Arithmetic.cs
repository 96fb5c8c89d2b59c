using System.Numerics;

namespace MqttKube.Expressions;

internal static partial class PyOps
{
    public static PyValue Add(PyValue a, PyValue b)
    {
        if (a is PyInt { IsBig: false } x && b is PyInt { IsBig: false } y)
        {
            var r = unchecked(x.Value + y.Value);
            return ((x.Value ^ r) & (y.Value ^ r)) < 0 ? Int((BigInteger)x.Value + y.Value) : PyInt.From(r);
        }

        if (IsNumber(a) && IsNumber(b))
        {
            return a is PyFloat || b is PyFloat
                ? new PyFloat(AsDouble(a)!.Value + AsDouble(b)!.Value)
                : Int(AsInt(a)!.Big + AsInt(b)!.Big);
        }

        switch (a)
        {
            case PyStr sa when b is PyStr sb:
                CheckLength((long)sa.Value.Length + sb.Value.Length);
                return new PyStr(sa.Value + sb.Value);
            case PyStr when b is not PyStr:
                throw PyException.Type("can only concatenate str (not \"" + b.TypeName + "\") to str");
            case PyList la when b is PyList lb:
                CheckLength((long)la.Items.Length + lb.Items.Length);
                return new PyList([.. la.Items, .. lb.Items]);
            case PyTuple ta when b is PyTuple tb:
                CheckLength((long)ta.Items.Length + tb.Items.Length);
                return new PyTuple([.. ta.Items, .. tb.Items]);
        }

        throw Unsupported("+", a, b);
    }

    public static PyValue Subtract(PyValue a, PyValue b)
    {
        if (a is PyInt { IsBig: false } x && b is PyInt { IsBig: false } y)
        {
            var r = unchecked(x.Value - y.Value);
            return ((x.Value ^ y.Value) & (x.Value ^ r)) < 0 ? Int((BigInteger)x.Value - y.Value) : PyInt.From(r);
        }

        if (IsNumber(a) && IsNumber(b))
        {
            return a is PyFloat || b is PyFloat
                ? new PyFloat(AsDouble(a)!.Value - AsDouble(b)!.Value)
                : Int(AsInt(a)!.Big - AsInt(b)!.Big);
        }

        throw Unsupported("-", a, b);
    }

    public static PyValue Multiply(PyValue a, PyValue b)
    {
        if (IsNumber(a) && IsNumber(b))
        {
            if (a is PyFloat || b is PyFloat)
            {
                return new PyFloat(AsDouble(a)!.Value * AsDouble(b)!.Value);
            }

            var x = AsInt(a)!;
            var y = AsInt(b)!;
            if (!x.IsBig && !y.IsBig && Math.Abs(x.Value) < int.MaxValue && Math.Abs(y.Value) < int.MaxValue)
            {
                return PyInt.From(x.Value * y.Value);
            }

            if (x.Big.GetBitLength() + y.Big.GetBitLength() > PyInt.MaxBits + 1)
            {
                throw PyException.Overflow("integer result too large (limit " + PyInt.MaxBits + " bits)");
            }

            return Int(x.Big * y.Big);
        }

        if (AsInt(b) is { } n && a is PyStr or PyList or PyTuple)
        {
            return Repeat(a, n);
        }

        if (AsInt(a) is { } m && b is PyStr or PyList or PyTuple)
        {
            return Repeat(b, m);
        }

        throw Unsupported("*", a, b);
    }

    public static PyValue TrueDivide(PyValue a, PyValue b)
    {
        if (!IsNumber(a) || !IsNumber(b))
        {
            throw Unsupported("/", a, b);
        }

        if (a is not PyFloat && b is not PyFloat)
        {
            var x = AsInt(a)!;
            var y = AsInt(b)!;
            if (!y.IsTruthy)
            {
                throw PyException.ZeroDivision("division by zero");
            }

            if (!x.IsBig && !y.IsBig && Math.Abs(x.Value) <= (1L << 53) && Math.Abs(y.Value) <= (1L << 53))
            {
                return new PyFloat((double)x.Value / y.Value);
            }

            return new PyFloat(BigMath.Divide(x.Big, y.Big));
        }

        var d = AsDouble(b)!.Value;
        if (d == 0.0)
        {
            throw PyException.ZeroDivision("float division by zero");
        }

        return new PyFloat(AsDouble(a)!.Value / d);
    }

    private static PyValue Repeat(PyValue sequence, PyInt count)
    {
        var n = count.IsBig ? (count.Big.Sign < 0 ? 0 : long.MaxValue) : Math.Max(0, count.Value);
        var length = Len(sequence);
        if (length == 0 || n == 0)
        {
            return sequence switch { PyStr => PyStr.Empty, PyList => PyList.Empty, _ => PyTuple.Empty };
        }

        CheckLength(n > MaxLength ? n : length * n);
        if (sequence is PyStr s)
        {
            return new PyStr(string.Concat(Enumerable.Repeat(s.Value, (int)n)));
        }

        var items = sequence is PyList l ? l.Items : ((PyTuple)sequence).Items;
        var result = new PyValue[items.Length * n];
        for (var i = 0; i < n; i++)
        {
            items.CopyTo(result, i * items.Length);
        }

        return sequence is PyList ? new PyList(result) : new PyTuple(result);
    }
}
