namespace MqttKube.Expressions.Ast;

/// <summary>An arithmetic or bitwise operator.</summary>
internal sealed record BinaryNode(int Column, BinaryOperator Operator, Node Left, Node Right) : Node(Column)
{
    internal override PyValue Accept(Evaluator evaluator, Frame? frame) => evaluator.VisitBinary(this, frame);
}
