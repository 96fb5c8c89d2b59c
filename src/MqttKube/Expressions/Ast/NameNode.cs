namespace MqttKube.Expressions.Ast;

/// <summary>A variable, parameter or builtin name.</summary>
internal sealed record NameNode(int Column, string Name) : Node(Column)
{
    internal override PyValue Accept(Evaluator evaluator, Frame? frame) => evaluator.VisitName(this, frame);
}
