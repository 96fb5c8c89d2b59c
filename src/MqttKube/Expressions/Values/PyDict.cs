namespace MqttKube.Expressions;

/// <summary>An insertion-ordered dict with CPython key equality (1, 1.0 and True are one key).</summary>
internal sealed partial class PyDict : PyValue
{
    public static readonly PyDict Empty = new([], []);

    private readonly PyValue[] keys;
    private readonly PyValue[] values;
    private readonly Dictionary<PyValue, int> index;

    private PyDict(PyValue[] keys, PyValue[] values)
    {
        this.keys = keys;
        this.values = values;
        WorkMeter.Items(keys.Length);
        index = new Dictionary<PyValue, int>(keys.Length, PyKeyComparer.Instance);
        for (var i = 0; i < keys.Length; i++)
        {
            index[keys[i]] = i;
        }
    }

    public int Count => keys.Length;

    public ReadOnlySpan<PyValue> Keys => keys;

    /// <summary>The keys array itself, for iteration (never changed).</summary>
    internal PyValue[] KeyArray => keys;

    public ReadOnlySpan<PyValue> Values => values;

    public override string TypeName => "dict";

    public override bool IsTruthy => keys.Length != 0;

    /// <summary>Looks a key up; an unhashable key is a TypeError.</summary>
    public bool TryGet(PyValue key, out PyValue value)
    {
        PyKeyComparer.CheckHashable(key);
        if (index.TryGetValue(key, out var i))
        {
            value = values[i];
            return true;
        }

        value = PyNone.Instance;
        return false;
    }

    /// <summary>A string-key lookup (dotted access, templates).</summary>
    public bool TryGet(string key, out PyValue value) => TryGet(new PyStr(key), out value);

    public override void WriteRepr(TextBuilder writer)
    {
        writer.Append('{');
        for (var i = 0; i < keys.Length && !writer.Full; i++)
        {
            if (i > 0)
            {
                writer.Append(", ");
            }

            PyTuple.WriteItem(writer, keys[i]);
            writer.Append(": ");
            PyTuple.WriteItem(writer, values[i]);
        }

        writer.Append('}');
    }
}
