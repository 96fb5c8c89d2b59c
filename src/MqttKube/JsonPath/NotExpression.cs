using System.Text.Json.Nodes;

namespace MqttKube.JsonPath;

/// <summary><c>!a</c></summary>
internal sealed class NotExpression(LogicalExpression operand) : LogicalExpression
{
    public LogicalExpression Operand { get; } = operand;

    public override bool Test(JsonPathContext context, JsonNode? current) => !Operand.Test(context, current);
}
