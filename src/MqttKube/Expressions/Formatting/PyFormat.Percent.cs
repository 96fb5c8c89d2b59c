using System.Numerics;

namespace MqttKube.Expressions.Formatting;

/// <summary>
/// Python's printf-style <c>str % args</c> (CPython's PyUnicode_Format, step for step): a tuple gives the arguments,
/// a mapping (dict or list) gives <c>%(key)</c> values and is otherwise one argument, anything else one argument.
/// Floats go through the format-spec path's own <see cref="FormatFloat"/>; every width and precision is checked
/// against the size cap (<see cref="CheckWidth(long)"/>, as that path) before anything is built, and the text written
/// straight to the result is charged by its builder.
/// </summary>
internal static partial class PyFormat
{
    private const int FlagLeft = 1;
    private const int FlagSign = 2;
    private const int FlagBlank = 4;
    private const int FlagAlternate = 8;
    private const int FlagZero = 16;

    /// <summary>Python's <c>format % args</c>; errors are thrown as <see cref="PyException"/>.</summary>
    public static PyStr Percent(PyStr format, PyValue args) => new(new PercentFormatter(format.Value, args).Run());

    private sealed class PercentFormatter(string format, PyValue args)
    {
        private readonly PyValue? mapping = args is PyDict or PyList ? args : null;
        private readonly TextBuilder text = new();
        private PyValue args = args;
        private long argLength = args is PyTuple t ? t.Items.Length : -1;
        private long argIndex = args is PyTuple ? 0 : -2;
        private int pos;
        private int ch;
        private bool ended;

        public string Run()
        {
            while (pos < format.Length)
            {
                var next = format.IndexOf('%', pos);
                if (next < 0)
                {
                    text.Append(format.AsSpan(pos));
                    break;
                }

                text.Append(format.AsSpan(pos, next - pos));
                pos = next + 1;
                if (pos < format.Length && format[pos] == '%')
                {
                    text.Append('%');
                    pos++;
                    continue;
                }

                var start = pos;
                Argument();

                // The specification was scanned and cut; a conversion builds at least one new value.
                WorkMeter.Chars(pos - start);
                WorkMeter.Values(1);
                if (mapping is not null && argIndex < argLength)
                {
                    throw NotAllConverted();
                }
            }

            if (argIndex < argLength && mapping is null)
            {
                throw NotAllConverted();
            }

            return text.ToString();
        }

        private static PyException NotAllConverted() => PyException.Type("not all arguments converted during string formatting");

        private static bool IsDigit(int c) => c is >= '0' and <= '9';

        /// <summary>Reads the next code point into <see cref="ch"/>, or marks the end (ch unchanged) as CPython's fmtcnt &lt; 0.</summary>
        private bool Read()
        {
            if (pos >= format.Length)
            {
                ended = true;
                return false;
            }

            if (char.IsHighSurrogate(format[pos]) && pos + 1 < format.Length && char.IsLowSurrogate(format[pos + 1]))
            {
                ch = char.ConvertToUtf32(format[pos], format[pos + 1]);
                pos += 2;
            }
            else
            {
                ch = format[pos++];
            }

            return true;
        }

        private PyValue NextArgument()
        {
            if (argIndex < argLength)
            {
                argIndex++;
                return argLength < 0 ? args : ((PyTuple)args).Items[argIndex - 1];
            }

            throw PyException.Type("not enough arguments for format string");
        }

        private void Argument()
        {
            if (pos < format.Length && format[pos] == '(')
            {
                if (mapping is null)
                {
                    throw PyException.Type("format requires a mapping");
                }

                var depth = 1;
                var end = pos + 1;
                for (; end < format.Length && depth > 0; end++)
                {
                    depth += format[end] switch { ')' => -1, '(' => 1, _ => 0 };
                }

                if (depth > 0)
                {
                    throw PyException.Value("incomplete format key");
                }

                args = PyOps.GetItem(mapping, new PyStr(format[(pos + 1)..(end - 1)]));
                argLength = -1;
                argIndex = -2;
                pos = end;
            }

            ch = 0;
            var flags = 0;
            while (Read())
            {
                var flag = ch switch { '-' => FlagLeft, '+' => FlagSign, ' ' => FlagBlank, '#' => FlagAlternate, '0' => FlagZero, _ => 0 };
                if (flag == 0)
                {
                    break;
                }

                flags |= flag;
            }

            long width = -1;
            if (ch == '*')
            {
                width = StarArgument(long.MinValue, long.MaxValue, "Python int too large to convert to C ssize_t");
                if (width < 0)
                {
                    flags |= FlagLeft;
                    width = width == long.MinValue ? long.MaxValue : -width;
                }

                Read();
            }
            else if (IsDigit(ch))
            {
                width = Digits(long.MaxValue, "width too big");
            }

            var precision = -1;
            if (ch == '.')
            {
                precision = 0;
                Read();
                if (ch == '*')
                {
                    precision = (int)Math.Max(0, StarArgument(int.MinValue, int.MaxValue, "Python int too large to convert to C int"));
                    Read();
                }
                else if (IsDigit(ch))
                {
                    precision = (int)Digits(int.MaxValue, "precision too big");
                }
            }

            if (!ended && ch is 'h' or 'l' or 'L')
            {
                Read();
            }

            if (ended)
            {
                throw PyException.Value("incomplete format");
            }

            var conversionAt = pos - (ch > 0xFFFF ? 2 : 1);
            Convert(NextArgument(), flags, width, precision, conversionAt);
        }

        /// <summary>The decimal number starting at the current digit (a width or precision), refused past <paramref name="max"/>.</summary>
        private long Digits(long max, string tooBig)
        {
            long value = ch - '0';
            while (Read() && IsDigit(ch))
            {
                if (value > (max - (ch - '0')) / 10)
                {
                    throw PyException.Value(tooBig);
                }

                value = (value * 10) + (ch - '0');
            }

            return value;
        }

        private long StarArgument(long min, long max, string overflow)
        {
            var value = PyOps.AsInt(NextArgument())?.Big ?? throw PyException.Type("* wants int");
            return value >= min && value <= max ? (long)value : throw PyException.Overflow(overflow);
        }

        /// <summary>CPython's unicode_format_arg_format and _output: writes the converted argument to the text.</summary>
        private void Convert(PyValue value, int flags, long width, int precision, int conversionAt)
        {
            var left = (flags & FlagLeft) != 0;
            switch (ch)
            {
                case 's' or 'r' or 'a':
                    {
                        // An int's str and repr are its digits, written without a repr builder (as CPython's fast path).
                        var s = value is PyInt i ? i.ToDecimal() : ch switch { 's' => value.Str(), 'r' => value.Repr(), _ => Ascii(value.Repr()) };
                        if (width < 0 && precision < 0)
                        {
                            text.Append(s);
                            return;
                        }

                        var str = ch == 's' && value is PyStr argument ? argument : new PyStr(s);
                        var length = str.Length;
                        if (precision >= 0 && precision < length)
                        {
                            s = str.Slice(0, precision);
                            length = precision;
                        }

                        Padded(s, length, left, width);
                        return;
                    }

                case 'c':
                    Padded(Character(value), 1, left, width);
                    return;

                case 'd' or 'i' or 'u' or 'o' or 'x' or 'X':
                    Integer(IntegerArgument(value), flags, width, precision);
                    return;

                case 'e' or 'E' or 'f' or 'F' or 'g' or 'G':
                    {
                        var d = PyOps.AsDouble(value) ?? throw PyException.Type("must be real number, not " + value.TypeName);
                        var zero = !left && (flags & FlagZero) != 0;
                        var sign = (flags & FlagSign) != 0 ? '+' : (flags & FlagBlank) != 0 ? ' ' : '\0';

                        // The format-spec path's own float formatting and layout ('0' pads after the sign), which charges its work.
                        var spec = new FormatSpec(zero ? '0' : ' ', left ? '<' : zero ? '=' : '>', true, sign, false, (flags & FlagAlternate) != 0, (int)Math.Min(width, PyOps.MaxLength + 1L), '\0', precision, (char)ch);
                        text.Append(FormatFloat(d, spec));
                        return;
                    }

                default:
                    var shown = ch is >= 31 and <= 126 ? (char)ch : '?';
                    throw PyException.Value(
                        "unsupported format character '" + shown + "' (0x" + ch.ToString("x", System.Globalization.CultureInfo.InvariantCulture) + ") at index " + new PyStr(format).CodePointIndex(conversionAt));
            }
        }

        /// <summary>Text padded with spaces to the width (CPython pads s, r, a and c with spaces only), on the left unless '-'.</summary>
        private void Padded(string s, int length, bool left, long width)
        {
            CheckWidth(width);
            var padding = (int)Math.Max(0, width - length);
            text.Append(' ', left ? 0 : padding).Append(s).Append(' ', left ? padding : 0);
        }

        /// <summary>CPython's mainformatlong: an int, bool or (for d, i, u) a float truncated toward zero.</summary>
        private PyInt IntegerArgument(PyValue value)
        {
            if (PyOps.AsInt(value) is { } i)
            {
                return i;
            }

            if (value is PyFloat f && ch is 'd' or 'i' or 'u')
            {
                return Builtins.FromDouble(f.Value);
            }

            throw PyException.Type("%" + (char)ch + " format: " + (ch is 'o' or 'x' or 'X' ? "an integer" : "a real number") + " is required, not " + value.TypeName);
        }

        /// <summary>
        /// CPython's _PyUnicode_FormatLong (at least <paramref name="precision"/> digits), then the sign, prefix and
        /// padding of unicode_format_arg_output: '0' pads between the prefix and the digits, '-' pads with spaces after.
        /// </summary>
        private void Integer(PyInt value, int flags, long width, int precision)
        {
            var big = value.Big;
            var (radix, prefix) = ch switch { 'o' => (8, "0o"), 'x' => (16, "0x"), 'X' => (16, "0X"), _ => (10, string.Empty) };
            var digits = ToRadix(BigInteger.Abs(big), radix);
            if (ch == 'X')
            {
                digits = digits.ToUpperInvariant();
            }

            // A precision is a minimum digit count and a width a minimum length: sizes, refused before anything is built.
            if (precision > PyOps.MaxLength)
            {
                throw PyException.Limit("format precision too large (more than " + PyOps.MaxLength + ")");
            }

            CheckWidth(width);
            var sign = big.Sign < 0 ? "-" : (flags & FlagSign) != 0 ? "+" : (flags & FlagBlank) != 0 ? " " : string.Empty;
            prefix = (flags & FlagAlternate) != 0 ? prefix : string.Empty;
            var zeros = Math.Max(0, precision - digits.Length);
            var padding = (int)Math.Max(0, width - (sign.Length + prefix.Length + zeros + digits.Length));
            var left = (flags & FlagLeft) != 0;
            var zero = !left && (flags & FlagZero) != 0;
            text.Append(' ', left || zero ? 0 : padding).Append(sign).Append(prefix).Append('0', zeros + (zero ? padding : 0))
                .Append(digits).Append(' ', left ? padding : 0);
        }

        /// <summary>CPython's formatchar: a one-character str, or an int in range(0x110000).</summary>
        private static string Character(PyValue value)
        {
            if (value is PyStr s)
            {
                return s.Length == 1 ? s.Value : throw PyException.Type("%c requires an int or a unicode character, not a string of length " + s.Length);
            }

            var i = PyOps.AsInt(value) ?? throw PyException.Type("%c requires an int or a unicode character, not " + value.TypeName);
            if (i.IsBig || i.Value is < 0 or > 0x10FFFF)
            {
                throw PyException.Overflow("%c arg not in range(0x110000)");
            }

            // A lone surrogate is a str of its own in CPython, as in the interpreter's strings.
            return i.Value is >= 0xD800 and <= 0xDFFF ? ((char)i.Value).ToString() : char.ConvertFromUtf32((int)i.Value);
        }
    }
}
