using System.Numerics;

namespace MqttKube.Expressions;

internal static partial class PyOps
{
    public static PyValue FloorDivide(PyValue a, PyValue b)
    {
        if (!IsNumber(a) || !IsNumber(b))
        {
            throw Unsupported("//", a, b);
        }

        if (a is PyFloat || b is PyFloat)
        {
            return new PyFloat(FloatDivMod(AsDouble(a)!.Value, AsDouble(b)!.Value, "float floor division by zero").Div);
        }

        var (q, _) = IntDivMod(AsInt(a)!, AsInt(b)!, "integer division or modulo by zero");
        return q;
    }

    public static PyValue Modulo(PyValue a, PyValue b)
    {
        if (a is PyStr format)
        {
            return Formatting.PyFormat.Percent(format, b);
        }

        if (!IsNumber(a) || !IsNumber(b))
        {
            throw Unsupported("%", a, b);
        }

        if (a is PyFloat || b is PyFloat)
        {
            return new PyFloat(FloatDivMod(AsDouble(a)!.Value, AsDouble(b)!.Value, "float modulo").Mod);
        }

        var (_, r) = IntDivMod(AsInt(a)!, AsInt(b)!, "integer modulo by zero");
        return r;
    }

    private static (PyValue Div, PyValue Mod) IntDivMod(PyInt x, PyInt y, string zeroMessage)
    {
        if (!y.IsTruthy)
        {
            throw PyException.ZeroDivision(zeroMessage);
        }

        if (!x.IsBig && !y.IsBig && x.Value != long.MinValue)
        {
            var q = x.Value / y.Value;
            var r = x.Value % y.Value;
            if (r != 0 && ((r < 0) != (y.Value < 0)))
            {
                q--;
                r += y.Value;
            }

            return (PyInt.From(q), PyInt.From(r));
        }

        WorkMeter.Words(x.Words * y.Words);
        var bq = BigInteger.DivRem(x.Big, y.Big, out var br);
        if (!br.IsZero && ((br.Sign < 0) != (y.Big.Sign < 0)))
        {
            bq -= 1;
            br += y.Big;
        }

        return (Int(bq), Int(br));
    }

    /// <summary>CPython's float_divmod, operation for operation.</summary>
    private static (double Div, double Mod) FloatDivMod(double vx, double wx, string zeroMessage)
    {
        if (wx == 0.0)
        {
            throw PyException.ZeroDivision(zeroMessage);
        }

        var mod = vx % wx;
        var div = (vx - mod) / wx;
        if (mod != 0.0)
        {
            if ((wx < 0) != (mod < 0))
            {
                mod += wx;
                div -= 1.0;
            }
        }
        else
        {
            mod = Math.CopySign(0.0, wx);
        }

        double floordiv;
        if (div != 0.0)
        {
            floordiv = Math.Floor(div);
            if (div - floordiv > 0.5)
            {
                floordiv += 1.0;
            }
        }
        else
        {
            floordiv = Math.CopySign(0.0, vx / wx);
        }

        return (floordiv, mod);
    }
}
