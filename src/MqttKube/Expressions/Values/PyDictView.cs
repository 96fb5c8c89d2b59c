namespace MqttKube.Expressions;

/// <summary>What <c>dict.keys()</c>, <c>values()</c> and <c>items()</c> return; prints like CPython's views.</summary>
internal sealed class PyDictView : PyValue
{
    public PyDictView(string kind, PyValue[] items)
    {
        Kind = kind;
        Items = items;
    }

    /// <summary><c>dict_keys</c>, <c>dict_values</c> or <c>dict_items</c>.</summary>
    public string Kind { get; }

    public PyValue[] Items { get; }

    public override string TypeName => Kind;

    public override bool IsTruthy => Items.Length != 0;

    public override string Repr() => Kind + "(" + PyTuple.Join("[", Items, "]") + ")";
}
