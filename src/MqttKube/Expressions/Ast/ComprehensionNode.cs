using System.Collections.Immutable;

namespace MqttKube.Expressions.Ast;

/// <summary>A list comprehension, or a lazy generator expression.</summary>
internal sealed record ComprehensionNode(int Column, bool IsGenerator, Node Element, ImmutableArray<ComprehensionFor> Clauses) : Node(Column)
{
    internal override PyValue Accept(Evaluator evaluator, Frame? frame) => evaluator.VisitComprehension(this, frame);
}
