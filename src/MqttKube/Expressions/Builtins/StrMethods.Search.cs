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
        var candidates = a[0] switch
        {
            PyStr s => new PyValue[] { s },
            PyTuple t when t.Items.All(i => i is PyStr) => t.Items,
            var x => throw PyException.Type(a.Name + " first arg must be str or a tuple of str, not " + x.TypeName),
        };
        if (!Range(self, a.Get(1), a.Get(2), out var from, out var to))
        {
            return PyBool.False;
        }

        var region = self.Value.AsSpan(from, to - from);
        foreach (PyStr c in candidates)
        {
            WorkMeter.Items(1);
            WorkMeter.Scanned(Math.Min(c.Value.Length, region.Length));
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

        var index = TextSearch.IndexOf(self.Value, sub.Value, from, to);
        return PyInt.From(index < 0 ? -1 : self.CodePointIndex(index));
    }

    /// <summary>The UTF-16 range of <c>s[start:end]</c>; false when start lies past the end (CPython's rule).</summary>
    private static bool Range(PyStr s, PyValue? start, PyValue? end, out int from, out int to)
    {
        var length = s.Length;
        var lo = PyOps.SliceIndex(start) ?? 0;
        var hi = PyOps.SliceIndex(end) ?? length;
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
            WorkMeter.Scanned(s.Length);
            var span = s.AsSpan();
            int i = 0, n = s.Length;
            while (max-- > 0)
            {
                var skip = span[i..].IndexOfAnyExcept(Whitespace);
                if (skip < 0)
                {
                    i = n;
                    break;
                }

                var j = i + skip;
                var word = span[j..].IndexOfAny(Whitespace);
                i = word < 0 ? n : j + word;
                parts.Add(Part(s, j, i));
            }

            var rest = span[i..].IndexOfAnyExcept(Whitespace);
            if (rest >= 0)
            {
                parts.Add(Part(s, i + rest, n));
            }

            return new PyList([.. parts]);
        }

        var separator = sep as PyStr ?? throw PyException.Type("must be str or None, not " + sep.TypeName);
        if (separator.Value.Length == 0)
        {
            throw PyException.Value("empty separator");
        }

        var pos = 0;
        for (int idx; max > 0 && (idx = TextSearch.IndexOf(s, separator.Value, pos)) >= 0; max--)
        {
            WorkMeter.Items(2);
            parts.Add(Part(s, pos, idx));
            pos = idx + separator.Value.Length;
        }

        parts.Add(Part(s, pos, s.Length));
        return new PyList([.. parts]);
    }

    /// <summary>One piece of a split (and a place in the growing list).</summary>
    private static PyStr Part(string s, int start, int end)
    {
        WorkMeter.Items(3);
        return PyStr.Of(s, start, end - start);
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
        var text = new TextBuilder();
        if (old.Value.Length == 0)
        {
            var n = self.Length;
            for (var i = 0; i <= n; i++)
            {
                WorkMeter.Items(1);
                if (count-- > 0)
                {
                    text.Append(replacement.Value);
                }

                if (i < n)
                {
                    text.Append(s.AsSpan(self.CharIndex(i), self.CharIndex(i + 1) - self.CharIndex(i)));
                }
            }

            return new PyStr(text.ToString());
        }

        var pos = 0;
        for (int idx; count > 0 && (idx = TextSearch.IndexOf(s, old.Value, pos)) >= 0; count--)
        {
            WorkMeter.Items(2);
            text.Append(s.AsSpan(pos, idx - pos)).Append(replacement.Value);
            pos = idx + old.Value.Length;
        }

        text.Append(s.AsSpan(pos));
        return new PyStr(text.ToString());
    }
}
