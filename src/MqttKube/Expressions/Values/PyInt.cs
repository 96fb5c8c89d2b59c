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

        WorkMeter.Words(WordsOf(value));
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

    /// <summary>The number of 64-bit words of the value (what big-integer work is charged by).</summary>
    public long Words => big.HasValue ? WordsOf(big.Value) : 1;

    /// <summary>64-bit words of <paramref name="value"/>.</summary>
    public static long WordsOf(BigInteger value) => (value.GetBitLength() + 63) / 64;

    public override void WriteRepr(TextBuilder writer)
    {
        if (big.HasValue)
        {
            writer.Append(ToDecimal());
        }
        else
        {
            writer.Append(Value);
        }
    }

    /// <summary>The decimal digits (with '-'); a big value's conversion is quadratic in its size and charged so.</summary>
    public string ToDecimal()
    {
        if (!big.HasValue)
        {
            return Value.ToString(CultureInfo.InvariantCulture);
        }

        var words = WordsOf(big.Value);
        WorkMeter.Words(words * words);
        return big.Value.ToString(CultureInfo.InvariantCulture);
    }

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
