using System.Text.Json.Nodes;

namespace MqttKube.JsonPath;

/// <summary><c>left op right</c> with the RFC 9535 2.3.5.2.2 semantics (Nothing == Nothing, no coercion).</summary>
internal sealed class ComparisonExpression(ValueExpression left, ComparisonOperator op, ValueExpression right) : LogicalExpression
{
    public ValueExpression Left { get; } = left;

    public ComparisonOperator Operator { get; } = op;

    public ValueExpression Right { get; } = right;

    public override bool Test(JsonPathContext context, JsonNode? current)
    {
        var a = Left.Evaluate(context, current);
        var b = Right.Evaluate(context, current);
        return Operator switch
        {
            ComparisonOperator.Equal => AreEqual(a, b, context),
            ComparisonOperator.NotEqual => !AreEqual(a, b, context),
            ComparisonOperator.Less => IsLess(a, b),
            ComparisonOperator.LessOrEqual => IsLess(a, b) || AreEqual(a, b, context),
            ComparisonOperator.Greater => IsLess(b, a),
            _ => IsLess(b, a) || AreEqual(a, b, context),
        };
    }

    private static bool AreEqual(FilterValue a, FilterValue b, JsonPathContext context) =>
        a.IsNothing || b.IsNothing ? a.IsNothing && b.IsNothing : JsonValueComparer.DeepEquals(a.Node, b.Node, context);

    private static bool IsLess(FilterValue a, FilterValue b) =>
        !a.IsNothing && !b.IsNothing && JsonValueComparer.IsLess(a.Node, b.Node);
}
