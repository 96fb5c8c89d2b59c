using System.Globalization;
using System.Text;

namespace MqttKube.Expressions;

/// <summary>The str methods; the name table is source-generated.</summary>
internal static partial class StrMethods
{
    internal static partial PyBuiltinFunction? Lookup(string name);

    /// <summary>Python's str.isspace for one char (adds the \x1c-\x1f separators .NET leaves out).</summary>
    internal static bool IsSpace(char c) => char.IsWhiteSpace(c) || c is >= '\x1c' and <= '\x1f';

    [PyBuiltin("lower")]
    private static PyValue Lower(in CallArgs a)
    {
        a.Expect(0, 0);
        return new PyStr(a.SelfAs<PyStr>().Value.ToLowerInvariant());
    }

    [PyBuiltin("upper")]
    private static PyValue Upper(in CallArgs a)
    {
        a.Expect(0, 0);
        return new PyStr(a.SelfAs<PyStr>().Value.ToUpperInvariant());
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
        Func<char, bool> strip = chars switch
        {
            null or PyNone => IsSpace,
            PyStr c => ch => c.Value.Contains(ch),
            _ => throw PyException.Type(a.Name + " arg must be None or str"),
        };
        int start = 0, end = s.Length;
        while (left && start < end && strip(s[start]))
        {
            start++;
        }

        while (right && end > start && strip(s[end - 1]))
        {
            end--;
        }

        return new PyStr(s[start..end]);
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

        for (var i = 0; i < s.Length; i += char.IsSurrogatePair(s, i) ? 2 : 1)
        {
            if (CharUnicodeInfo.GetDigitValue(s, i) < 0)
            {
                return PyBool.False;
            }
        }

        return PyBool.True;
    }

    [PyBuiltin("join")]
    private static PyValue Join(in CallArgs a)
    {
        a.Expect(1, 1);
        var sb = new StringBuilder();
        var first = true;
        foreach (var item in PyOps.Iterate(a[0]))
        {
            a.Evaluator.Charge(1);
            if (item is not PyStr s)
            {
                throw PyException.Type("sequence item: expected str instance, " + item.TypeName + " found");
            }

            if (!first)
            {
                sb.Append(a.SelfAs<PyStr>().Value);
            }

            first = false;
            sb.Append(s.Value);
            PyOps.CheckLength(sb.Length);
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

        if (!Formatting.PyFormat.TryFormat(a.SelfAs<PyStr>().Value, a.Positional.ToArray(), named, out var result, out var error, out var errorType))
        {
            throw new PyException(errorType, error);
        }

        return new PyStr(result);
    }
}
