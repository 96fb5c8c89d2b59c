namespace MqttKube.Expressions.Ast;

/// <summary>An immutable expression tree node; <see cref="Column"/> is 1-based in the source text.</summary>
internal abstract record Node(int Column)
{
    /// <summary>Double dispatch into the tree-walking <see cref="Evaluator"/>.</summary>
    internal abstract PyValue Accept(Evaluator evaluator, Frame? frame);
}
