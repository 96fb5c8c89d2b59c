using System.Runtime.CompilerServices;

namespace MqttKube.Expressions;

/// <summary>
/// The size check on what leaves an evaluation. A value may share one big item many times (<c>[s] * 10**6</c> is a
/// million references to one string), which costs little to build but would print, convert to JSON or compare as
/// its expanded size; whoever uses a result does so outside the work budget, so a result whose expanded size (about
/// its repr's length) passes <see cref="Max"/> is refused here, before it leaves. The walk stops at the cap.
/// </summary>
internal static class ResultSize
{
    /// <summary>Twice the cap on a single value: a result may hold one string or list of the largest size.</summary>
    public const long Max = 2L * PyOps.MaxLength;

    public static void Check(PyValue value)
    {
        var total = 0L;
        Add(value, ref total);
    }

    private static void Add(PyValue value, ref long total)
    {
        RuntimeHelpers.EnsureSufficientExecutionStack();
        WorkMeter.Items(1);
        // About the repr's length: exact for containers and small ints, a typical length for floats and the like.
        total += value switch
        {
            PyStr s => s.Value.Length + 2,
            PyInt { IsBig: false } i => Digits(i.Value),
            PyInt i => (i.Words * 20) + 1,
            PyList l => 2 + (2L * l.Items.Length),
            PyTuple t => 2 + (2L * t.Items.Length),
            PyDict d => 2 + (4L * d.Count),
            PyDictView v => 12 + (2L * v.Items.Length),
            _ => 8,
        };
        if (total > Max)
        {
            throw PyException.Limit("result too large (its text would pass " + Max + " characters)");
        }

        switch (value)
        {
            case PyList l:
                AddAll(l.Items, ref total);
                break;
            case PyTuple t:
                AddAll(t.Items, ref total);
                break;
            case PyDictView v:
                AddAll(v.Items, ref total);
                break;
            case PyDict d:
                AddAll(d.KeyArray, ref total);
                foreach (var item in d.Values)
                {
                    Add(item, ref total);
                }

                break;
        }
    }

    private static long Digits(long value)
    {
        var digits = value < 0 ? 2L : 1L;
        for (value /= 10; value != 0; value /= 10)
        {
            digits++;
        }

        return digits;
    }

    private static void AddAll(PyValue[] items, ref long total)
    {
        foreach (var item in items)
        {
            Add(item, ref total);
        }
    }
}
