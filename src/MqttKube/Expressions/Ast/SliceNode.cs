namespace MqttKube.Expressions.Ast;

/// <summary><c>lower:upper:step</c> inside a subscript.</summary>
internal sealed record SliceNode(int Column, Node? Lower, Node? Upper, Node? Step) : Node(Column)
{
    internal override PyValue Accept(Evaluator evaluator, Frame? frame) => evaluator.VisitSlice(this, frame);
}
