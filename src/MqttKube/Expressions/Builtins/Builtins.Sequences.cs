namespace MqttKube.Expressions;

internal static partial class Builtins
{
    [PyBuiltin("any")]
    private static PyValue Any(in CallArgs a)
    {
        a.Expect(1, 1);
        foreach (var item in PyOps.Iterate(a[0]))
        {
            if (item.IsTruthy)
            {
                return PyBool.True;
            }
        }

        return PyBool.False;
    }

    [PyBuiltin("all")]
    private static PyValue All(in CallArgs a)
    {
        a.Expect(1, 1);
        foreach (var item in PyOps.Iterate(a[0]))
        {
            if (!item.IsTruthy)
            {
                return PyBool.False;
            }
        }

        return PyBool.True;
    }

    /// <summary>CPython's sorted: stable, only <c>&lt;</c>, and reverse as reverse-sort-reverse.</summary>
    [PyBuiltin("sorted")]
    private static PyValue Sorted(in CallArgs a)
    {
        a.Expect(1, 1, "key", "reverse");
        var key = a.Get(-1, "key");
        var reverse = a.Get(-1, "reverse")?.IsTruthy ?? false;
        var items = PyOps.ToNewArray(a[0]);
        WorkMeter.Items(3L * items.Length);
        var keys = new PyValue[items.Length];
        for (var i = 0; i < items.Length; i++)
        {
            keys[i] = key is null or PyNone ? items[i] : a.Evaluator.Call(key, [items[i]]);
        }

        if (reverse)
        {
            Array.Reverse(items);
            Array.Reverse(keys);
        }

        MergeSort(items, keys);
        if (reverse)
        {
            Array.Reverse(items);
        }

        return new PyList(items);
    }

    private static void MergeSort(PyValue[] items, PyValue[] keys)
    {
        var n = items.Length;
        var tmpItems = new PyValue[n];
        var tmpKeys = new PyValue[n];
        for (var width = 1; width < n; width *= 2)
        {
            WorkMeter.Items(2L * n);
            for (var lo = 0; lo < n; lo += 2 * width)
            {
                var mid = Math.Min(lo + width, n);
                var hi = Math.Min(lo + (2 * width), n);
                int i = lo, j = mid, k = lo;
                while (i < mid && j < hi)
                {
                    // Take from the right only when strictly less: stability.
                    if (PyOps.Order(keys[j], keys[i], "<"))
                    {
                        tmpItems[k] = items[j];
                        tmpKeys[k++] = keys[j++];
                    }
                    else
                    {
                        tmpItems[k] = items[i];
                        tmpKeys[k++] = keys[i++];
                    }
                }

                while (i < mid)
                {
                    tmpItems[k] = items[i];
                    tmpKeys[k++] = keys[i++];
                }

                while (j < hi)
                {
                    tmpItems[k] = items[j];
                    tmpKeys[k++] = keys[j++];
                }
            }

            Array.Copy(tmpItems, items, n);
            Array.Copy(tmpKeys, keys, n);
        }
    }
}
