using System.Numerics;

namespace MqttKube.Expressions;

/// <summary>Correctly rounded big-int arithmetic that CPython does exactly.</summary>
internal static class BigMath
{
    /// <summary><c>a / b</c> rounded to the nearest double (ties to even), like CPython's int true division.</summary>
    public static double Divide(BigInteger a, BigInteger b)
    {
        var negative = (a.Sign < 0) != (b.Sign < 0);
        a = BigInteger.Abs(a);
        b = BigInteger.Abs(b);
        if (a.IsZero)
        {
            return negative ? -0.0 : 0.0;
        }

        var shift = a.GetBitLength() - b.GetBitLength() - 64;
        BigInteger q, r;
        if (shift >= 0)
        {
            q = BigInteger.DivRem(a, b << (int)shift, out r);
        }
        else
        {
            q = BigInteger.DivRem(a << (int)-shift, b, out r);
        }

        var sticky = !r.IsZero;
        while (q.GetBitLength() > 64)
        {
            sticky |= !q.IsEven;
            q >>= 1;
            shift++;
        }

        while (q.GetBitLength() < 64)
        {
            q <<= 1;
            shift--;
        }

        var result = RoundToDouble((ulong)q, sticky, (int)shift);
        if (double.IsInfinity(result))
        {
            throw PyException.Overflow("integer division result too large for a float");
        }

        return negative ? -result : result;
    }

    /// <summary>(m + sticky bits) * 2^shift, m with its top bit set, to the nearest double.</summary>
    private static double RoundToDouble(ulong m, bool sticky, int shift)
    {
        var exponent = shift + 63;
        var drop = 11;
        if (exponent < -1022)
        {
            drop += -1022 - exponent;
        }

        if (drop >= 64)
        {
            return drop == 64 && (m > (1UL << 63) || sticky) ? double.Epsilon : 0.0;
        }

        var keep = m >> drop;
        var rest = m & ((1UL << drop) - 1);
        var half = 1UL << (drop - 1);
        if (rest > half || (rest == half && (sticky || (keep & 1) == 1)))
        {
            keep++;
        }

        return Math.ScaleB(keep, shift + drop);
    }
}
