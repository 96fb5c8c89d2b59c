namespace MqttKube.Expressions.Ast;

/// <summary>A literal: number, string, True, False or None.</summary>
internal sealed record ConstantNode(int Column, PyValue Value) : Node(Column)
{
    internal override PyValue Accept(Evaluator evaluator, Frame? frame) => evaluator.VisitConstant(this, frame);
}
