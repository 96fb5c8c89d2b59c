using System.Collections.Immutable;

namespace MqttKube.Expressions.Ast;

/// <summary>A dict display.</summary>
internal sealed record DictNode(int Column, ImmutableArray<Node> Keys, ImmutableArray<Node> Values) : Node(Column)
{
    internal override PyValue Accept(Evaluator evaluator, Frame? frame) => evaluator.VisitDict(this, frame);
}
