using System.Globalization;
using System.Numerics;

namespace MqttKube.Expressions;

/// <summary>A Python int: a long when it fits, a BigInteger otherwise (capped at <see cref="MaxBits"/>).</summary>
internal sealed class PyInt : PyValue
{
    /// <summary>Larger results are refused (CPython 3.11 cannot print more than 4300 digits either).</summary>
    public const int MaxBits = 14_000;

    private static readonly PyInt[] Small = CreateSmall();

    private readonly BigInteger? big;

    private PyInt(long value) => Value = value;

    private PyInt(BigInteger value)
    {
        big = value;
    }

    /// <summary>The value when <see cref="IsBig"/> is false.</summary>
    public long Value { get; }

    public bool IsBig => big.HasValue;

    public BigInteger Big => big ?? Value;

    public override string TypeName => "int";

    public override bool IsTruthy => big.HasValue || Value != 0;

    public static new PyInt From(long value) =>
        value >= -5 && value <= 256 ? Small[value + 5] : new PyInt(value);

    public static new PyInt From(BigInteger value)
    {
        if (value >= long.MinValue && value <= long.MaxValue)
        {
            return From((long)value);
        }

        if (value.GetBitLength() > MaxBits)
        {
            throw PyException.Overflow("integer result too large (limit " + MaxBits + " bits)");
        }

        return new PyInt(value);
    }

    /// <summary>The same value as a double, or an OverflowError like CPython's.</summary>
    public double ToDouble()
    {
        if (!big.HasValue)
        {
            return Value;
        }

        var d = (double)big.Value;
        if (double.IsInfinity(d))
        {
            throw PyException.Overflow("int too large to convert to float");
        }

        return d;
    }

    public override string Repr() =>
        big.HasValue ? big.Value.ToString(CultureInfo.InvariantCulture) : Value.ToString(CultureInfo.InvariantCulture);

    private static PyInt[] CreateSmall()
    {
        var table = new PyInt[262];
        for (var i = 0; i < table.Length; i++)
        {
            table[i] = new PyInt(i - 5);
        }

        return table;
    }
}
