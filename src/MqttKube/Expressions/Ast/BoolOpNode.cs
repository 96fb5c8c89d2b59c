namespace MqttKube.Expressions.Ast;

/// <summary><c>and</c>/<c>or</c>: short-circuit, returning an operand.</summary>
internal sealed record BoolOpNode(int Column, bool IsAnd, Node Left, Node Right) : Node(Column)
{
    internal override PyValue Accept(Evaluator evaluator, Frame? frame) => evaluator.VisitBoolOp(this, frame);
}
