namespace MqttKube.Expressions.Ast;

/// <summary><c>body if test else orElse</c>.</summary>
internal sealed record ConditionalNode(int Column, Node Test, Node Body, Node OrElse) : Node(Column)
{
    internal override PyValue Accept(Evaluator evaluator, Frame? frame) => evaluator.VisitConditional(this, frame);
}
