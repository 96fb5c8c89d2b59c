using System.Text;

namespace MqttKube.Expressions;

internal sealed class PyTuple : PyValue
{
    public static readonly PyTuple Empty = new([]);

    public PyTuple(PyValue[] items) => Items = items;

    public PyValue[] Items { get; }

    public override string TypeName => "tuple";

    public override bool IsTruthy => Items.Length != 0;

    public override string Repr() => Items.Length == 1 ? "(" + Items[0].Repr() + ",)" : Join("(", Items, ")");

    internal static string Join(string open, PyValue[] items, string close)
    {
        var sb = new StringBuilder(open);
        for (var i = 0; i < items.Length; i++)
        {
            if (i > 0)
            {
                sb.Append(", ");
            }

            sb.Append(items[i].Repr());
        }

        return sb.Append(close).ToString();
    }
}
