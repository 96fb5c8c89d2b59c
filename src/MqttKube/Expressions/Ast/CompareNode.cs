using System.Collections.Immutable;

namespace MqttKube.Expressions.Ast;

/// <summary>A comparison chain: <c>a &lt; b &lt;= c</c> (each operand evaluated once).</summary>
internal sealed record CompareNode(int Column, Node First, ImmutableArray<CompareOperator> Operators, ImmutableArray<Node> Operands) : Node(Column)
{
    internal override PyValue Accept(Evaluator evaluator, Frame? frame) => evaluator.VisitCompare(this, frame);
}
