using System.Globalization;
using System.Text;

namespace MqttKube.Expressions;

/// <summary>The str methods; the name table is source-generated.</summary>
internal static partial class StrMethods
{
    internal static partial PyBuiltinFunction? Lookup(string name);

    /// <summary>Python's whitespace (str.isspace) as a set, for vectorized trimming and splitting.</summary>
    internal static readonly System.Buffers.SearchValues<char> Whitespace = CreateWhitespace();

    /// <summary>Python's str.isspace for one char (adds the \x1c-\x1f separators .NET leaves out).</summary>
    internal static bool IsSpace(char c) => char.IsWhiteSpace(c) || c is >= '\x1c' and <= '\x1f';

    /// <summary><paramref name="s"/> without leading and trailing whitespace.</summary>
    internal static ReadOnlySpan<char> TrimSpace(ReadOnlySpan<char> s)
    {
        var start = s.IndexOfAnyExcept(Whitespace);
        return start < 0 ? [] : s[start..(s.LastIndexOfAnyExcept(Whitespace) + 1)];
    }

    [PyBuiltin("lower")]
    private static PyValue Lower(in CallArgs a)
    {
        a.Expect(0, 0);
        return new PyStr(CaseMapping.ToLower(a.SelfAs<PyStr>().Value));
    }

    [PyBuiltin("upper")]
    private static PyValue Upper(in CallArgs a)
    {
        a.Expect(0, 0);
        return new PyStr(CaseMapping.ToUpper(a.SelfAs<PyStr>().Value));
    }

    [PyBuiltin("strip")]
    private static PyValue Strip(in CallArgs a) => DoStrip(a, true, true);

    [PyBuiltin("lstrip")]
    private static PyValue LStrip(in CallArgs a) => DoStrip(a, true, false);

    [PyBuiltin("rstrip")]
    private static PyValue RStrip(in CallArgs a) => DoStrip(a, false, true);

    private static PyValue DoStrip(in CallArgs a, bool left, bool right)
    {
        a.Expect(0, 1);
        var s = a.SelfAs<PyStr>().Value;
        var chars = a.Get(0);
        var set = chars switch
        {
            null or PyNone => null,
            PyStr c => c.Value,
            _ => throw PyException.Type(a.Name + " arg must be None or str"),
        };

        // A set of characters to strip is looked up in constant time, so a long one costs its length once.
        WorkMeter.Scanned(s.Length + (4L * (set?.Length ?? 0)));
        var strip = set is null ? Whitespace : System.Buffers.SearchValues.Create(set);
        var start = left ? s.AsSpan().IndexOfAnyExcept(strip) : 0;
        start = start < 0 ? s.Length : start;
        var end = right ? s.AsSpan(start).LastIndexOfAnyExcept(strip) + start + 1 : s.Length;

        return start == 0 && end == s.Length ? a.SelfAs<PyStr>() : new PyStr(s[start..end]);
    }

    [PyBuiltin("isdigit")]
    private static PyValue IsDigit(in CallArgs a)
    {
        a.Expect(0, 0);
        var s = a.SelfAs<PyStr>().Value;
        if (s.Length == 0)
        {
            return PyBool.False;
        }

        // ASCII digits are skipped vectorized; from the first other character on, code point by code point.
        var start = s.AsSpan().IndexOfAnyExceptInRange('0', '9');
        WorkMeter.Scanned(start < 0 ? s.Length : start);
        for (var i = start < 0 ? s.Length : start; i < s.Length;)
        {
            var length = char.IsSurrogatePair(s, i) ? 2 : 1;
            WorkMeter.Scanned(8);
            if (CharUnicodeInfo.GetDigitValue(s, i) < 0)
            {
                return PyBool.False;
            }

            i += length;
        }

        return PyBool.True;
    }

    [PyBuiltin("join")]
    private static PyValue Join(in CallArgs a)
    {
        a.Expect(1, 1);
        var separator = a.SelfAs<PyStr>().Value;
        var sb = new StringBuilder();
        var index = 0;
        foreach (var item in PyOps.Iterate(a[0]))
        {
            if (item is not PyStr s)
            {
                throw PyException.Type("sequence item " + index + ": expected str instance, " + item.TypeName + " found");
            }

            var added = (index++ > 0 ? separator.Length : 0) + s.Value.Length;
            PyOps.CheckLength(sb.Length + (long)added);
            WorkMeter.Chars(added);
            sb.Append(index > 1 ? separator : string.Empty).Append(s.Value);
        }

        return new PyStr(sb.ToString());
    }

    [PyBuiltin("format")]
    private static PyValue Format(in CallArgs a)
    {
        var named = new Dictionary<string, PyValue>(StringComparer.Ordinal);
        foreach (var (key, value) in a.Named)
        {
            named[key] = value;
        }

        return new PyStr(Formatting.PyFormat.Format(a.SelfAs<PyStr>().Value, a.Positional.ToArray(), named));
    }

    private static System.Buffers.SearchValues<char> CreateWhitespace()
    {
        var spaces = new List<char>();
        for (var c = 0; c <= char.MaxValue; c++)
        {
            if (IsSpace((char)c))
            {
                spaces.Add((char)c);
            }
        }

        return System.Buffers.SearchValues.Create([.. spaces]);
    }
}
