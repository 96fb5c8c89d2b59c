using System.Collections.Immutable;

namespace MqttKube.Expressions.Ast;

/// <summary>A tuple display (also a comprehension target like <c>k, v</c>).</summary>
internal sealed record TupleNode(int Column, ImmutableArray<Node> Items) : Node(Column)
{
    internal override PyValue Accept(Evaluator evaluator, Frame? frame) => evaluator.VisitTuple(this, frame);
}
