using System.Collections.Immutable;

namespace MqttKube.Expressions.Ast;

/// <summary>A list display.</summary>
internal sealed record ListNode(int Column, ImmutableArray<Node> Items) : Node(Column)
{
    internal override PyValue Accept(Evaluator evaluator, Frame? frame) => evaluator.VisitList(this, frame);
}
