namespace MqttKube.Expressions.Ast;

/// <summary><c>target[index]</c>; the index may be a <see cref="SliceNode"/>.</summary>
internal sealed record SubscriptNode(int Column, Node Target, Node Index) : Node(Column)
{
    internal override PyValue Accept(Evaluator evaluator, Frame? frame) => evaluator.VisitSubscript(this, frame);
}
