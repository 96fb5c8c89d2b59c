namespace MqttKube.Expressions;

/// <summary>What <c>dict.keys()</c>, <c>values()</c> and <c>items()</c> return; prints and compares like CPython's views.</summary>
internal sealed class PyDictView : PyValue
{
    private readonly PyDict dict;

    public PyDictView(string kind, PyDict dict, PyValue[] items)
    {
        Kind = kind;
        this.dict = dict;
        Items = items;
    }

    /// <summary><c>dict_keys</c>, <c>dict_values</c> or <c>dict_items</c>.</summary>
    public string Kind { get; }

    public PyValue[] Items { get; }

    public override string TypeName => Kind;

    public override bool IsTruthy => Items.Length != 0;

    public override void WriteRepr(TextBuilder writer)
    {
        writer.Append(Kind).Append('(');
        PyTuple.WriteItems(writer, "[", Items, "]");
        writer.Append(')');
    }

    /// <summary><c>item in view</c> for keys and items views: a lookup in the dict, as CPython's set-like views.</summary>
    public bool Contains(PyValue item)
    {
        if (Kind == "dict_keys")
        {
            return dict.TryGet(item, out _);
        }

        return item is PyTuple { Items: [var key, var value] } && dict.TryGet(key, out var found)
            && (ReferenceEquals(found, value) || PyOps.Equal(found, value));
    }

    /// <summary>Set-like equality of two keys views or two items views (values views are never equal).</summary>
    public bool SetEquals(PyDictView other)
    {
        if (Kind == "dict_values" || Kind != other.Kind || Items.Length != other.Items.Length)
        {
            return false;
        }

        foreach (var item in Items)
        {
            WorkMeter.Items(1);
            if (!other.Contains(item))
            {
                return false;
            }
        }

        return true;
    }
}
