namespace MqttKube.Expressions;

internal static partial class PyOps
{
    /// <summary><c>&amp; | ^</c>: bool with bool stays bool, as in CPython.</summary>
    public static PyValue Bitwise(PyValue a, PyValue b, char op)
    {
        if (a is PyBool ba && b is PyBool bb)
        {
            return Bool(op switch { '&' => ba.Value & bb.Value, '|' => ba.Value | bb.Value, _ => ba.Value ^ bb.Value });
        }

        var x = AsInt(a) ?? throw Unsupported(op.ToString(), a, b);
        var y = AsInt(b) ?? throw Unsupported(op.ToString(), a, b);
        if (!x.IsBig && !y.IsBig)
        {
            return PyInt.From(op switch { '&' => x.Value & y.Value, '|' => x.Value | y.Value, _ => x.Value ^ y.Value });
        }

        ChargeLinear(x, y);
        return Int(op switch { '&' => x.Big & y.Big, '|' => x.Big | y.Big, _ => x.Big ^ y.Big });
    }

    public static PyValue Shift(PyValue a, PyValue b, bool left)
    {
        var op = left ? "<<" : ">>";
        var x = AsInt(a) ?? throw Unsupported(op, a, b);
        var y = AsInt(b) ?? throw Unsupported(op, a, b);
        if (y.Big.Sign < 0)
        {
            throw PyException.Value("negative shift count");
        }

        if (!left)
        {
            ChargeLinear(x, x);
            return y.IsBig || y.Value > PyInt.MaxBits + 64 ? PyInt.From(x.Big.Sign < 0 ? -1 : 0) : Int(x.Big >> (int)y.Value);
        }

        if (x.Big.IsZero)
        {
            return PyInt.From(0);
        }

        if (y.IsBig || y.Value > PyInt.MaxBits || x.Big.GetBitLength() + y.Value > PyInt.MaxBits)
        {
            throw PyException.Overflow("integer result too large (limit " + PyInt.MaxBits + " bits)");
        }

        return Int(x.Big << (int)y.Value);
    }

    public static PyValue Negate(PyValue a) => a switch
    {
        PyFloat f => new PyFloat(-f.Value),
        PyInt { IsBig: false } i when i.Value != long.MinValue => PyInt.From(-i.Value),
        _ when AsInt(a) is { } n => Int(-n.Big),
        _ => throw PyException.Type("bad operand type for unary -: '" + a.TypeName + "'"),
    };

    public static PyValue Plus(PyValue a) => a switch
    {
        PyFloat or PyInt => a,
        PyBool b => PyInt.From(b.Value ? 1 : 0),
        _ => throw PyException.Type("bad operand type for unary +: '" + a.TypeName + "'"),
    };

    public static PyValue Invert(PyValue a) =>
        AsInt(a) is { } n ? Int(-ChargeLinear(n, n).Big - 1) : throw PyException.Type("bad operand type for unary ~: '" + a.TypeName + "'");
}
