using System.Text;

namespace MqttKube.Expressions;

/// <summary>
/// Builds the text of a repr, a join, a replace or a format. Inside an evaluation every character is charged and the
/// text may not grow past <see cref="PyOps.MaxLength"/> (checked before it is appended); a builder made with a short
/// limit for an error message stops there instead and ends with "...".
/// </summary>
internal sealed class TextBuilder
{
    private readonly StringBuilder text = new();
    private readonly int limit;
    private readonly bool truncate;

    /// <summary>A builder limited inside an evaluation, unlimited outside one (results are bounded by then).</summary>
    public TextBuilder()
        : this(WorkMeter.Current is null ? int.MaxValue : PyOps.MaxLength, false)
    {
    }

    private TextBuilder(int limit, bool truncate)
    {
        this.limit = limit;
        this.truncate = truncate;
    }

    /// <summary>True once a truncating builder is full: walkers stop early.</summary>
    public bool Full { get; private set; }

    /// <summary>A builder that keeps the first <paramref name="limit"/> characters (for messages).</summary>
    public static TextBuilder Truncating(int limit) => new(limit, true);

    public TextBuilder Append(char c)
    {
        if (Reserve(1) == 1)
        {
            text.Append(c);
        }

        return this;
    }

    public TextBuilder Append(string s) => Append(s.AsSpan());

    public TextBuilder Append(char c, int repeat)
    {
        text.Append(c, Reserve(repeat));
        return this;
    }

    public int Length => text.Length;

    /// <summary>Appends an integer's digits without an intermediate string.</summary>
    public TextBuilder Append(long value)
    {
        Span<char> digits = stackalloc char[20];
        value.TryFormat(digits, out var written, default, System.Globalization.CultureInfo.InvariantCulture);
        return Append(digits[..written]);
    }

    public TextBuilder Append(ReadOnlySpan<char> s)
    {
        var n = Reserve(s.Length);
        text.Append(s[..n]);
        return this;
    }

    public override string ToString() => Full ? text.Append("...").ToString() : text.ToString();

    /// <summary>How many of <paramref name="count"/> characters may be appended (all, or LimitExceeded, or fewer when truncating).</summary>
    private int Reserve(int count)
    {
        if (Full)
        {
            return 0;
        }

        if (text.Length + (long)count > limit)
        {
            if (!truncate)
            {
                PyOps.CheckLength(text.Length + (long)count);
            }

            Full = true;
            count = limit - text.Length;
        }

        WorkMeter.Chars(count);
        return count;
    }
}
