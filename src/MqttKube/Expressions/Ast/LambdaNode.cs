using System.Collections.Immutable;

namespace MqttKube.Expressions.Ast;

/// <summary><c>lambda a, b: body</c>.</summary>
internal sealed record LambdaNode(int Column, ImmutableArray<string> Parameters, Node Body) : Node(Column)
{
    internal override PyValue Accept(Evaluator evaluator, Frame? frame) => evaluator.VisitLambda(this, frame);
}
