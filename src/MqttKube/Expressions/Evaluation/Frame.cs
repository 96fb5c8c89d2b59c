namespace MqttKube.Expressions;

/// <summary>Local names of one lambda call or comprehension, chained to the enclosing scope.</summary>
internal sealed class Frame
{
    private readonly string[] names;
    private readonly PyValue[] values;

    public Frame(Frame? parent, string[] names, PyValue[] values)
    {
        Parent = parent;
        this.names = names;
        this.values = values;
    }

    public Frame? Parent { get; }

    public bool TryGet(string name, out PyValue value)
    {
        for (var frame = this; frame is not null; frame = frame.Parent)
        {
            var n = frame.names;
            for (var i = 0; i < n.Length; i++)
            {
                if (ReferenceEquals(n[i], name) || n[i] == name)
                {
                    value = frame.values[i];
                    return true;
                }
            }
        }

        value = PyNone.Instance;
        return false;
    }

    public void Set(int slot, PyValue value) => values[slot] = value;

    public int SlotOf(string name) => Array.IndexOf(names, name);
}
