using System.Collections.Immutable;

namespace MqttKube.Expressions.Ast;

/// <summary>A call with positional and keyword arguments.</summary>
internal sealed record CallNode(int Column, Node Function, ImmutableArray<Node> Arguments, ImmutableArray<KeywordArgument> Keywords) : Node(Column)
{
    internal override PyValue Accept(Evaluator evaluator, Frame? frame) => evaluator.VisitCall(this, frame);
}
