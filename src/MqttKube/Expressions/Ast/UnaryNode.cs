namespace MqttKube.Expressions.Ast;

/// <summary>A prefix operator: <c>-x</c>, <c>+x</c>, <c>~x</c>, <c>not x</c>.</summary>
internal sealed record UnaryNode(int Column, UnaryOperator Operator, Node Operand) : Node(Column)
{
    internal override PyValue Accept(Evaluator evaluator, Frame? frame) => evaluator.VisitUnary(this, frame);
}
