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
                : Int(ChargeLinear(AsInt(a)!, AsInt(b)!).Big + AsInt(b)!.Big);
        }

        switch (a)
        {
            case PyStr sa when b is PyStr sb:
                ChargeChars((long)sa.Value.Length + sb.Value.Length);
                return new PyStr(sa.Value + sb.Value);
            case PyStr when b is not PyStr:
                throw PyException.Type("can only concatenate str (not \"" + b.TypeName + "\") to str");
            case PyList la when b is PyList lb:
                ChargeItems((long)la.Items.Length + lb.Items.Length);
                return new PyList([.. la.Items, .. lb.Items]);
            case PyTuple ta when b is PyTuple tb:
                ChargeItems((long)ta.Items.Length + tb.Items.Length);
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
                : Int(ChargeLinear(AsInt(a)!, AsInt(b)!).Big - AsInt(b)!.Big);
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
            if (!x.IsBig && !y.IsBig)
            {
                var product = (Int128)x.Value * y.Value;
                return product >= long.MinValue && product <= long.MaxValue ? PyInt.From((long)product) : Int((BigInteger)product);
            }

            if (x.Big.GetBitLength() + y.Big.GetBitLength() > PyInt.MaxBits + 1)
            {
                throw PyException.Overflow("integer result too large (limit " + PyInt.MaxBits + " bits)");
            }

            WorkMeter.Words(x.Words * y.Words);
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

            if (IsExactDouble(x) && IsExactDouble(y))
            {
                return new PyFloat((double)x.Value / y.Value);
            }

            WorkMeter.Words(x.Words * y.Words);
            return new PyFloat(BigMath.Divide(x.Big, y.Big));
        }

        var d = AsDouble(b)!.Value;
        if (d == 0.0)
        {
            throw PyException.ZeroDivision("float division by zero");
        }

        return new PyFloat(AsDouble(a)!.Value / d);
    }

    /// <summary>Charges a big-integer operation linear in its operands' size; returns <paramref name="x"/>.</summary>
    internal static PyInt ChargeLinear(PyInt x, PyInt y)
    {
        if (x.IsBig || y.IsBig)
        {
            WorkMeter.Words(Math.Max(x.Words, y.Words));
        }

        return x;
    }

    /// <summary>True for an int a double holds exactly (|i| ≤ 2^53).</summary>
    internal static bool IsExactDouble(PyInt i) => !i.IsBig && i.Value is >= -(1L << 53) and <= 1L << 53;

    /// <summary>Charges <paramref name="length"/> characters about to be built, after checking the size cap.</summary>
    internal static void ChargeChars(long length)
    {
        CheckLength(length);
        WorkMeter.Chars(length);
    }

    /// <summary>Charges <paramref name="count"/> items about to be built, after checking the size cap.</summary>
    internal static void ChargeItems(long count)
    {
        CheckLength(count);
        WorkMeter.Items(count);
    }

    private static PyValue Repeat(PyValue sequence, PyInt count)
    {
        if (count.IsBig)
        {
            throw PyException.Overflow("cannot fit 'int' into an index-sized integer");
        }

        var n = Math.Max(0, count.Value);
        var length = Len(sequence);
        if (length == 0 || n == 0)
        {
            return sequence switch { PyStr => PyStr.Empty, PyList => PyList.Empty, _ => PyTuple.Empty };
        }

        CheckLength(n);
        if (sequence is PyStr s)
        {
            var text = s.Value;
            ChargeChars(text.Length * n);
            return new PyStr(string.Create((int)(text.Length * n), text, static (span, t) => FillRepeated(span, t.AsSpan())));
        }

        var items = sequence is PyList l ? l.Items : ((PyTuple)sequence).Items;
        ChargeItems(items.Length * n);
        var result = new PyValue[items.Length * n];
        FillRepeated(result.AsSpan(), items.AsSpan());
        return sequence is PyList ? new PyList(result) : new PyTuple(result);
    }

    /// <summary>Fills <paramref name="target"/> with copies of <paramref name="unit"/>, doubling the copied part each time.</summary>
    private static void FillRepeated<T>(Span<T> target, ReadOnlySpan<T> unit)
    {
        unit.CopyTo(target);
        for (var done = unit.Length; done < target.Length; done *= 2)
        {
            target[..Math.Min(done, target.Length - done)].CopyTo(target[done..]);
        }
    }
}
