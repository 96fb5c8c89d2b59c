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
                return s.CharAt(SequenceIndex(index, s.Length, "string"));
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
        var st = SliceIndex(step) ?? 1;
        if (st == 0)
        {
            throw PyException.Value("slice step cannot be zero");
        }

        // CPython's PySlice_AdjustIndices: bounds clamp into the sequence, then the count is computed, not looped.
        var start = Adjust(SliceIndex(lower), length, st, st > 0 ? 0 : length - 1);
        var stop = Adjust(SliceIndex(upper), length, st, st > 0 ? length : -1);
        var count = st > 0
            ? (start < stop ? ((stop - start - 1) / st) + 1 : 0)
            : (stop < start ? ((start - stop - 1) / -st) + 1 : 0);
        var first = (int)start;
        switch (container)
        {
            case PyList l:
                return new PyList(SliceItems(l.Items, first, st, (int)count));
            case PyTuple t:
                return new PyTuple(SliceItems(t.Items, first, st, (int)count));
            default:
                var s = (PyStr)container;
                if (st == 1)
                {
                    return new PyStr(s.Slice(first, first + (int)count));
                }

                CheckLength(count);
                WorkMeter.Chars(2 * count);
                var sb = new StringBuilder((int)count);
                for (long i = 0, index = first; i < count; i++, index += st)
                {
                    sb.Append(s.Value, s.CharIndex((int)index), s.CharIndex((int)index + 1) - s.CharIndex((int)index));
                }

                return new PyStr(sb.ToString());
        }
    }

    private static PyValue[] SliceItems(PyValue[] items, int first, long step, int count)
    {
        ChargeItems(count);
        if (step == 1)
        {
            return items.AsSpan(first, count).ToArray();
        }

        var result = new PyValue[count];
        for (long i = 0, index = first; i < count; i++, index += step)
        {
            result[i] = items[index];
        }

        return result;
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
