using System.Text;

namespace MqttKube.Expressions;

internal static partial class StrMethods
{
    [PyBuiltin("startswith")]
    private static PyValue StartsWith(in CallArgs a) => Affix(a, true);

    [PyBuiltin("endswith")]
    private static PyValue EndsWith(in CallArgs a) => Affix(a, false);

    private static PyValue Affix(in CallArgs a, bool start)
    {
        a.Expect(1, 3);
        var self = a.SelfAs<PyStr>();
        if (!Range(self, a.Get(1), a.Get(2), out var from, out var to))
        {
            return PyBool.False;
        }

        var region = self.Value.AsSpan(from, to - from);
        PyStr[] candidates = a[0] switch
        {
            PyStr s => [s],
            PyTuple t when t.Items.All(i => i is PyStr) => t.Items.Cast<PyStr>().ToArray(),
            var x => throw PyException.Type(a.Name + " first arg must be str or a tuple of str, not " + x.TypeName),
        };
        foreach (var c in candidates)
        {
            if (start ? region.StartsWith(c.Value, StringComparison.Ordinal) : region.EndsWith(c.Value, StringComparison.Ordinal))
            {
                return PyBool.True;
            }
        }

        return PyBool.False;
    }

    [PyBuiltin("find")]
    private static PyValue Find(in CallArgs a)
    {
        a.Expect(1, 3);
        var self = a.SelfAs<PyStr>();
        var sub = a[0] as PyStr ?? throw PyException.Type("must be str, not " + a[0].TypeName);
        if (!Range(self, a.Get(1), a.Get(2), out var from, out var to))
        {
            return PyInt.From(-1);
        }

        var index = self.Value.AsSpan(from, to - from).IndexOf(sub.Value, StringComparison.Ordinal);
        return PyInt.From(index < 0 ? -1 : self.CodePointIndex(from + index));
    }

    /// <summary>The UTF-16 range of <c>s[start:end]</c>; false when start lies past the end (CPython's rule).</summary>
    private static bool Range(PyStr s, PyValue? start, PyValue? end, out int from, out int to)
    {
        var length = s.Length;
        long lo = start is null or PyNone ? 0 : PyOps.Index(start, "slice indices");
        long hi = end is null or PyNone ? length : PyOps.Index(end, "slice indices");
        lo = lo < 0 ? Math.Max(0, lo + length) : lo;
        hi = hi < 0 ? Math.Max(0, hi + length) : Math.Min(hi, length);
        if (lo > length || hi < lo)
        {
            from = to = 0;
            return false;
        }

        from = s.CharIndex((int)lo);
        to = s.CharIndex((int)hi);
        return true;
    }

    [PyBuiltin("split")]
    private static PyValue Split(in CallArgs a)
    {
        a.Expect(0, 2, "sep", "maxsplit");
        var s = a.SelfAs<PyStr>().Value;
        var sep = a.Get(0, "sep");
        var maxValue = a.Get(1, "maxsplit");
        var max = maxValue is null ? -1 : PyOps.Index(maxValue, "maxsplit");
        if (max < 0)
        {
            max = long.MaxValue;
        }

        var parts = new List<PyValue>();
        if (sep is null or PyNone)
        {
            int i = 0, n = s.Length;
            while (max-- > 0)
            {
                while (i < n && IsSpace(s[i]))
                {
                    i++;
                }

                if (i == n)
                {
                    break;
                }

                var j = i++;
                while (i < n && !IsSpace(s[i]))
                {
                    i++;
                }

                parts.Add(new PyStr(s[j..i]));
            }

            while (i < n && IsSpace(s[i]))
            {
                i++;
            }

            if (i < n)
            {
                parts.Add(new PyStr(s[i..]));
            }

            return new PyList([.. parts]);
        }

        var separator = sep as PyStr ?? throw PyException.Type("must be str or None, not " + sep.TypeName);
        if (separator.Value.Length == 0)
        {
            throw PyException.Value("empty separator");
        }

        var pos = 0;
        for (int idx; max > 0 && (idx = s.IndexOf(separator.Value, pos, StringComparison.Ordinal)) >= 0; max--)
        {
            parts.Add(new PyStr(s[pos..idx]));
            pos = idx + separator.Value.Length;
        }

        parts.Add(new PyStr(s[pos..]));
        return new PyList([.. parts]);
    }

    [PyBuiltin("replace")]
    private static PyValue Replace(in CallArgs a)
    {
        a.Expect(2, 3);
        var self = a.SelfAs<PyStr>();
        var old = a[0] as PyStr ?? throw PyException.Type("replace() argument 1 must be str, not " + a[0].TypeName);
        var replacement = a[1] as PyStr ?? throw PyException.Type("replace() argument 2 must be str, not " + a[1].TypeName);
        var count = a.Count > 2 ? PyOps.Index(a[2], "count") : -1;
        if (count < 0)
        {
            count = long.MaxValue;
        }

        var s = self.Value;
        var sb = new StringBuilder();
        if (old.Value.Length == 0)
        {
            var n = self.Length;
            for (var i = 0; i <= n; i++)
            {
                if (count-- > 0)
                {
                    sb.Append(replacement.Value);
                    PyOps.CheckLength(sb.Length);
                }

                if (i < n)
                {
                    sb.Append(self.Slice(i, i + 1));
                }
            }

            return new PyStr(sb.ToString());
        }

        var pos = 0;
        for (int idx; count > 0 && (idx = s.IndexOf(old.Value, pos, StringComparison.Ordinal)) >= 0; count--)
        {
            sb.Append(s, pos, idx - pos).Append(replacement.Value);
            PyOps.CheckLength(sb.Length);
            pos = idx + old.Value.Length;
        }

        sb.Append(s, pos, s.Length - pos);
        return new PyStr(sb.ToString());
    }
}
