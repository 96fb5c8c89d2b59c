using System.Globalization;
using System.Numerics;

namespace MqttKube.Expressions;

internal static partial class Builtins
{
    [PyBuiltin("round")]
    private static PyValue Round(in CallArgs a)
    {
        a.Expect(1, 2, "number", "ndigits");
        var x = a.Get(0, "number") ?? throw PyException.Type("round() missing required argument 'number' (pos 1)");
        var nd = a.Get(1, "ndigits");
        if (nd is PyNone)
        {
            nd = null;
        }

        if (x is PyFloat f)
        {
            if (nd is null)
            {
                return FromDouble(Math.Round(f.Value, MidpointRounding.ToEven));
            }

            var n = PyOps.AsInt(nd) ?? throw PyException.Type("'" + nd.TypeName + "' object cannot be interpreted as an integer");
            return new PyFloat(RoundFloat(f.Value, n.IsBig ? (n.Big.Sign < 0 ? int.MinValue : int.MaxValue) : (int)Math.Clamp(n.Value, int.MinValue, int.MaxValue)));
        }

        if (PyOps.AsInt(x) is not { } i)
        {
            throw PyException.Type("type " + x.TypeName + " doesn't define __round__ method");
        }

        if (nd is null)
        {
            return i;
        }

        var digits = PyOps.AsInt(nd) ?? throw PyException.Type("'" + nd.TypeName + "' object cannot be interpreted as an integer");
        if (digits.Big.Sign >= 0)
        {
            return i;
        }

        if (digits.IsBig || digits.Value < -5000)
        {
            return PyInt.From(0);
        }

        var powWords = (long)(-digits.Value * 3.33 / 64) + 1;
        WorkMeter.Words((powWords * powWords) + (i.Words * powWords));
        var pow = BigInteger.Pow(10, (int)-digits.Value);
        var q = BigInteger.DivRem(i.Big, pow, out var r);
        if (r.Sign < 0)
        {
            q -= 1;
            r += pow;
        }

        var twice = r * 2;
        if (twice > pow || (twice == pow && !q.IsEven))
        {
            q += 1;
        }

        return PyInt.From(q * pow);
    }

    /// <summary>CPython's double_round: exact decimal rounding (half to even), then back to the nearest double.</summary>
    internal static double RoundFloat(double x, int ndigits)
    {
        if (ndigits > 323 || double.IsNaN(x) || double.IsInfinity(x))
        {
            return x;
        }

        if (ndigits < -308)
        {
            return 0.0 * x;
        }

        var (digits, decpt) = FloatFormatter.Rounded(Math.Abs(x), significant: false, ndigits);
        var text = (double.IsNegative(x) ? "-0." : "0.") + digits + "e" + decpt.ToString(CultureInfo.InvariantCulture);
        var result = double.Parse(text, CultureInfo.InvariantCulture);
        if (double.IsInfinity(result))
        {
            throw PyException.Overflow("rounded value too large to represent");
        }

        return result;
    }

    [PyBuiltin("sum")]
    private static PyValue Sum(in CallArgs a)
    {
        a.Expect(1, 2, "start");
        var total = a.Get(1, "start") ?? PyInt.From(0);
        if (total is PyStr)
        {
            throw PyException.Type("sum() can't sum strings [use ''.join(seq) instead]");
        }

        foreach (var item in PyOps.Iterate(a[0]))
        {
            total = PyOps.Add(total, item);
        }

        return total;
    }

    [PyBuiltin("min")]
    private static PyValue Min(in CallArgs a) => Extreme(a, "min", "<");

    [PyBuiltin("max")]
    private static PyValue Max(in CallArgs a) => Extreme(a, "max", ">");

    private static PyValue Extreme(in CallArgs a, string name, string op)
    {
        a.Expect(1, int.MaxValue, "key", "default");
        var key = a.Get(-1, "key");
        var fallback = a.Get(-1, "default");
        if (key is PyNone)
        {
            key = null;
        }

        IEnumerable<PyValue> items;
        if (a.Count == 1)
        {
            items = PyOps.Iterate(a[0]);
        }
        else
        {
            if (fallback is not null)
            {
                throw PyException.Type("Cannot specify a default for " + name + "() with multiple positional arguments");
            }

            items = a.Positional.ToArray();
        }

        PyValue? best = null;
        PyValue? bestKey = null;
        foreach (var item in items)
        {
            var k = key is null ? item : a.Evaluator.Call(key, [item]);
            if (best is null || PyOps.Order(k, bestKey!, op))
            {
                best = item;
                bestKey = k;
            }
        }

        return best ?? fallback ?? throw PyException.Value(name + "() arg is an empty sequence");
    }
}
