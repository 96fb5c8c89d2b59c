using System.Text;

namespace MqttKube.Expressions;

internal static partial class PyOps
{
    /// <summary>Python <c>container[index]</c>.</summary>
    public static PyValue GetItem(PyValue container, PyValue index)
    {
        switch (container)
        {
            case PyDict d:
                return d.TryGet(index, out var value) ? value : throw PyException.Key(index);
            case PyList l:
                return l.Items[SequenceIndex(index, l.Items.Length, "list")];
            case PyTuple t:
                return t.Items[SequenceIndex(index, t.Items.Length, "tuple")];
            case PyStr s:
                var i = SequenceIndex(index, s.Length, "string");
                return new PyStr(s.Slice(i, i + 1));
            default:
                throw PyException.Type("'" + container.TypeName + "' object is not subscriptable");
        }
    }

    /// <summary>Python <c>container[lower:upper:step]</c>; null bounds are omitted or None.</summary>
    public static PyValue GetSlice(PyValue container, PyValue? lower, PyValue? upper, PyValue? step)
    {
        var length = container switch
        {
            PyList l => l.Items.Length,
            PyTuple t => t.Items.Length,
            PyStr s => s.Length,
            PyDict => throw PyException.Type("unhashable type: 'slice'"),
            _ => throw PyException.Type("'" + container.TypeName + "' object is not subscriptable"),
        };
        var st = SliceBound(step) ?? 1;
        if (st == 0)
        {
            throw PyException.Value("slice step cannot be zero");
        }

        var start = Adjust(SliceBound(lower), length, st, st > 0 ? 0 : length - 1);
        var stop = Adjust(SliceBound(upper), length, st, st > 0 ? length : -1);
        var indexes = new List<int>();
        for (var i = start; st > 0 ? i < stop : i > stop; i += st)
        {
            indexes.Add((int)i);
        }

        switch (container)
        {
            case PyList l:
                return new PyList([.. indexes.Select(i => l.Items[i])]);
            case PyTuple t:
                return new PyTuple([.. indexes.Select(i => t.Items[i])]);
            default:
                var s = (PyStr)container;
                if (st == 1)
                {
                    return new PyStr(indexes.Count == 0 ? string.Empty : s.Slice(indexes[0], indexes[^1] + 1));
                }

                var sb = new StringBuilder();
                foreach (var i in indexes)
                {
                    sb.Append(s.Slice(i, i + 1));
                }

                return new PyStr(sb.ToString());
        }
    }

    private static int SequenceIndex(PyValue index, int length, string kind)
    {
        if (AsInt(index) is not { } n)
        {
            throw PyException.Type(kind + " indices must be integers or slices, not " + index.TypeName);
        }

        var i = n.IsBig ? long.MaxValue : n.Value;
        if (i < 0)
        {
            i += length;
        }

        if (i < 0 || i >= length)
        {
            throw PyException.Index(kind + " index out of range");
        }

        return (int)i;
    }

    private static long? SliceBound(PyValue? value)
    {
        if (value is null or PyNone)
        {
            return null;
        }

        var n = AsInt(value) ?? throw PyException.Type("slice indices must be integers or None or have an __index__ method");
        return n.IsBig ? (n.Big.Sign < 0 ? long.MinValue / 2 : long.MaxValue / 2) : n.Value;
    }

    private static long Adjust(long? bound, long length, long step, long fallback)
    {
        if (bound is not { } b)
        {
            return fallback;
        }

        if (b < 0)
        {
            b += length;
            if (b < 0)
            {
                b = step < 0 ? -1 : 0;
            }
        }
        else if (b >= length)
        {
            b = step < 0 ? length - 1 : length;
        }

        return b;
    }
}
