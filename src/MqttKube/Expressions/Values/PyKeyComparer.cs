using System.Numerics;
using System.Runtime.CompilerServices;

namespace MqttKube.Expressions;

/// <summary>
/// Dict key equality and hashing as CPython: equal numbers hash alike, NaN by identity. Each comparison and each item
/// hashed is charged, so colliding keys cost what they do.
/// </summary>
internal sealed class PyKeyComparer : IEqualityComparer<PyValue>
{
    public static readonly PyKeyComparer Instance = new();

    public bool Equals(PyValue? x, PyValue? y)
    {
        WorkMeter.Items(1);
        return ReferenceEquals(x, y) || (x is not null && y is not null && PyOps.Equal(x, y));
    }

    public int GetHashCode(PyValue value) => Hash(value);

    public static void CheckHashable(PyValue key)
    {
        switch (key)
        {
            case PyList or PyDict or PyDictView:
                throw PyException.Type("unhashable type: '" + key.TypeName + "'");
            case PyTuple tuple:
                RuntimeHelpers.EnsureSufficientExecutionStack();
                WorkMeter.Items(tuple.Items.Length);
                foreach (var item in tuple.Items)
                {
                    CheckHashable(item);
                }

                break;
        }
    }

    private static int Hash(PyValue value)
    {
        switch (value)
        {
            case PyStr s:
                return s.Hash();
            case PyBool b:
                return (b.Value ? 1L : 0L).GetHashCode();
            case PyInt i:
                WorkMeter.Words(i.Words);
                return i.IsBig ? i.Big.GetHashCode() : i.Value.GetHashCode();
            case PyFloat f:
                return HashFloat(f);
            case PyTuple t:
                RuntimeHelpers.EnsureSufficientExecutionStack();
                WorkMeter.Items(t.Items.Length);
                var hash = new HashCode();
                foreach (var item in t.Items)
                {
                    hash.Add(Hash(item));
                }

                return hash.ToHashCode();
            default:
                return RuntimeHelpers.GetHashCode(value);
        }
    }

    private static int HashFloat(PyFloat f)
    {
        var d = f.Value;
        if (double.IsNaN(d))
        {
            return RuntimeHelpers.GetHashCode(f);
        }

        if (double.IsInfinity(d) || Math.Floor(d) != d)
        {
            return d.GetHashCode();
        }

        if (d >= -9.2e18 && d <= 9.2e18)
        {
            return ((long)d).GetHashCode();
        }

        return new BigInteger(d).GetHashCode();
    }
}
