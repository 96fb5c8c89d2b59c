namespace MqttKube.Expressions;

/// <summary>A syntax error: 1-based column in the expression text and a message.</summary>
internal sealed record ExpressionError(int Column, string Message)
{
    public override string ToString() => "column " + Column + ": " + Message;
}
