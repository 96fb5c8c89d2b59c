namespace MqttKube.Expressions;

internal sealed class PyList : PyValue
{
    public static readonly PyList Empty = new([]);

    public PyList(PyValue[] items) => Items = items;

    public PyValue[] Items { get; }

    public override string TypeName => "list";

    public override bool IsTruthy => Items.Length != 0;

    public override void WriteRepr(TextBuilder writer) => PyTuple.WriteItems(writer, "[", Items, "]");
}
