using System.Text.Json.Nodes;

namespace MqttKube.JsonPath;

/// <summary><c>a &amp;&amp; b &amp;&amp; …</c></summary>
internal sealed class AndExpression(IReadOnlyList<LogicalExpression> operands) : LogicalExpression
{
    public IReadOnlyList<LogicalExpression> Operands { get; } = operands;

    public override bool Test(JsonPathContext context, JsonNode? current)
    {
        foreach (var operand in Operands)
        {
            if (!operand.Test(context, current))
            {
                return false;
            }
        }

        return true;
    }
}
