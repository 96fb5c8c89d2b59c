namespace MqttKube.Expressions.Ast;

/// <summary>Dotted access: a method of a str/dict, or a key of a mapping.</summary>
internal sealed record AttributeNode(int Column, Node Target, string Name) : Node(Column)
{
    internal override PyValue Accept(Evaluator evaluator, Frame? frame) => evaluator.VisitAttribute(this, frame);
}
