using System.Runtime.CompilerServices;

namespace MqttKube.Expressions;

internal sealed class PyTuple : PyValue
{
    public static readonly PyTuple Empty = new([]);

    public PyTuple(PyValue[] items) => Items = items;

    public PyValue[] Items { get; }

    public override string TypeName => "tuple";

    public override bool IsTruthy => Items.Length != 0;

    public override void WriteRepr(TextBuilder writer)
    {
        if (Items.Length == 1)
        {
            writer.Append('(');
            WriteItem(writer, Items[0]);
            writer.Append(",)");
            return;
        }

        WriteItems(writer, "(", Items, ")");
    }

    /// <summary>Writes <c>open item, item close</c>; stops early when a truncating writer is full.</summary>
    internal static void WriteItems(TextBuilder writer, string open, PyValue[] items, string close)
    {
        writer.Append(open);
        for (var i = 0; i < items.Length && !writer.Full; i++)
        {
            if (i > 0)
            {
                writer.Append(", ");
            }

            WriteItem(writer, items[i]);
        }

        writer.Append(close);
    }

    /// <summary>One nested item: charged as an item visited, with the stack checked (values nest).</summary>
    internal static void WriteItem(TextBuilder writer, PyValue item)
    {
        RuntimeHelpers.EnsureSufficientExecutionStack();
        WorkMeter.Items(1);
        item.WriteRepr(writer);
    }
}
