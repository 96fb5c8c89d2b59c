using System.Numerics;

namespace MqttKube.Expressions;

internal static partial class PyOps
{
    public static PyValue Power(PyValue a, PyValue b)
    {
        if (!IsNumber(a) || !IsNumber(b))
        {
            throw Unsupported("** or pow()", a, b);
        }

        if (a is not PyFloat && b is not PyFloat)
        {
            var x = AsInt(a)!;
            var y = AsInt(b)!;
            if (y.Big.Sign >= 0)
            {
                return IntPower(x, y);
            }

            return new PyFloat(FloatPower(x.ToDouble(), y.ToDouble()));
        }

        return new PyFloat(FloatPower(AsDouble(a)!.Value, AsDouble(b)!.Value));
    }

    private static PyValue IntPower(PyInt x, PyInt y)
    {
        var bx = x.Big;
        if (bx.IsZero || bx.IsOne || bx == BigInteger.MinusOne)
        {
            return Int(bx.IsZero ? (y.Big.IsZero ? 1 : 0) : bx.IsOne || y.Big.IsEven ? 1 : -1);
        }

        if (y.IsBig || (x.Big.GetBitLength() - 1) * (double)y.Value > PyInt.MaxBits)
        {
            throw PyException.Overflow("integer result too large (limit " + PyInt.MaxBits + " bits)");
        }

        // Repeated squaring: about the square of the result's size in word products.
        var words = (long)Math.Ceiling(BigInteger.Log(BigInteger.Abs(bx), 2) * y.Value / 64) + 1;
        WorkMeter.Words(words * words);
        return Int(BigInteger.Pow(bx, (int)y.Value));
    }

    /// <summary>CPython's float_pow: its special cases, then C pow.</summary>
    private static double FloatPower(double x, double y)
    {
        if (y == 0)
        {
            return 1.0;
        }

        if (double.IsNaN(x))
        {
            return x;
        }

        if (double.IsNaN(y))
        {
            return x == 1.0 ? 1.0 : y;
        }

        if (x == 0 && y < 0 && !double.IsInfinity(y))
        {
            throw PyException.ZeroDivision("0.0 cannot be raised to a negative power");
        }

        if (x < 0 && !double.IsInfinity(x) && !double.IsInfinity(y) && Math.Floor(y) != y)
        {
            throw PyException.Value("negative number cannot be raised to a fractional power (complex result)");
        }

        var result = Math.Pow(x, y);
        if (double.IsInfinity(result) && !double.IsInfinity(x) && !double.IsInfinity(y))
        {
            throw PyException.Overflow("(34, 'Numerical result out of range')");
        }

        return result;
    }
}
