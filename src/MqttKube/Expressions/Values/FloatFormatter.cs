using System.Globalization;
using System.Numerics;
using System.Text;

namespace MqttKube.Expressions;

/// <summary>
/// CPython's float to text conversion (<c>PyOS_double_to_string</c> and <c>format_float_short</c>): shortest
/// repr, and 'e'/'f'/'g' with exact decimal rounding (ties to even on the exact binary value).
/// </summary>
internal static partial class FloatFormatter
{
    /// <summary><c>repr(x)</c>: <c>0.1</c>, <c>1e+16</c>, <c>1.5e-05</c>, <c>inf</c>, <c>nan</c>, <c>-0.0</c>, <c>100.0</c>.</summary>
    public static string Repr(double x)
    {
        // .NET's shortest round-trip text in positional notation is CPython's repr when it has at most 16 digits
        // before the point (".0" added to an integral value); other values take CPython's layout below.
        Span<char> shortest = stackalloc char[32];
        if (double.IsFinite(x) && x.TryFormat(shortest, out var written, "R", CultureInfo.InvariantCulture))
        {
            var text = shortest[..written];
            var point = text.IndexOf('.');
            if (text.IndexOfAny('E', 'e') < 0 && (point < 0 ? text.Length : point) - (x < 0 ? 1 : 0) <= 16)
            {
                return point >= 0 ? new string(text) : string.Concat(text, ".0");
            }
        }

        return Format(x, 'r', 0, addDot0: true, alternate: false);
    }

    /// <summary>
    /// Formats <paramref name="x"/> with code 'r' (shortest), 'e', 'f' or 'g' and a precision, as CPython's
    /// <c>PyOS_double_to_string</c> (lower case; '-' for negatives, including -0.0).
    /// </summary>
    public static string Format(double x, char code, int precision, bool addDot0, bool alternate)
    {
        if (double.IsNaN(x))
        {
            return "nan";
        }

        var negative = double.IsNegative(x);
        if (double.IsInfinity(x))
        {
            return negative ? "-inf" : "inf";
        }

        var abs = Math.Abs(x);
        string digits;
        int decpt;
        switch (code)
        {
            case 'e':
                precision++;
                (digits, decpt) = Rounded(abs, significant: true, precision);
                break;
            case 'f':
                (digits, decpt) = Rounded(abs, significant: false, precision);
                break;
            case 'g':
                if (precision == 0)
                {
                    precision = 1;
                }

                (digits, decpt) = Rounded(abs, significant: true, precision);
                break;
            default:
                (digits, decpt) = Shortest(abs);
                break;
        }

        var text = Layout(digits, decpt, code, precision, addDot0, alternate);
        return negative ? "-" + text : text;
    }

    /// <summary>The shortest digits that round-trip, and the decimal point position (value = 0.DIGITS * 10^decpt).</summary>
    public static (string Digits, int DecimalPoint) Shortest(double abs)
    {
        if (abs == 0)
        {
            return ("0", 1);
        }

        var r = abs.ToString("R", CultureInfo.InvariantCulture);
        var e = r.IndexOf('E', StringComparison.Ordinal);
        var exponent = e < 0 ? 0 : int.Parse(r.AsSpan(e + 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
        var mantissa = e < 0 ? r : r[..e];
        var dot = mantissa.IndexOf('.', StringComparison.Ordinal);
        var intLength = dot < 0 ? mantissa.Length : dot;
        var all = mantissa.Replace(".", string.Empty, StringComparison.Ordinal);
        var stripped = all.TrimStart('0');
        var decpt = intLength + exponent - (all.Length - stripped.Length);
        return (stripped.TrimEnd('0'), decpt);
    }

    /// <summary>
    /// Exact rounding (half to even on the exact value): <paramref name="count"/> significant digits, or
    /// <paramref name="count"/> digits after the point (may be negative). Trailing zeros are removed.
    /// </summary>
    public static (string Digits, int DecimalPoint) Rounded(double abs, bool significant, int count)
    {
        if (abs == 0)
        {
            return ("0", 1);
        }

        var (all, decpt) = Exact(abs);
        var keep = significant ? count : decpt + count;
        if (keep >= all.Length)
        {
            return (all.TrimEnd('0'), decpt);
        }

        if (keep < 0)
        {
            return ("0", 1);
        }

        var next = all[keep];
        var restNonZero = all.AsSpan(keep + 1).IndexOfAnyExcept('0') >= 0;
        var lastOdd = keep > 0 && (all[keep - 1] - '0') % 2 == 1;
        var kept = new StringBuilder(all, 0, keep, keep + 1);
        if (next > '5' || (next == '5' && (restNonZero || lastOdd)))
        {
            var i = kept.Length - 1;
            while (i >= 0 && kept[i] == '9')
            {
                kept[i] = '0';
                i--;
            }

            if (i < 0)
            {
                kept.Insert(0, '1');
                decpt++;
            }
            else
            {
                kept[i]++;
            }
        }

        var result = kept.ToString().TrimEnd('0');
        return result.Length == 0 ? ("0", 1) : (result, decpt);
    }

    /// <summary>All the digits of the exact binary value and the decimal point position.</summary>
    private static (string Digits, int DecimalPoint) Exact(double abs)
    {
        var bits = BitConverter.DoubleToInt64Bits(abs);
        var biased = (int)((bits >> 52) & 0x7FF);
        var mantissa = bits & ((1L << 52) - 1);
        if (biased == 0)
        {
            biased = 1;
        }
        else
        {
            mantissa |= 1L << 52;
        }

        var exp2 = biased - 1075;
        BigInteger n;
        var scale = 0;
        if (exp2 >= 0)
        {
            n = new BigInteger(mantissa) << exp2;
        }
        else
        {
            n = mantissa * BigInteger.Pow(5, -exp2);
            scale = -exp2;
        }

        // The exact value of a tiny double has hundreds of digits: charged as the big-integer work it is.
        var words = PyInt.WordsOf(n);
        WorkMeter.Words(2 * words * words);
        var digits = n.ToString(CultureInfo.InvariantCulture);
        return (digits, digits.Length - scale);
    }
}
