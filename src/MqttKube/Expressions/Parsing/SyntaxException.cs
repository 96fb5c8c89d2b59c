namespace MqttKube.Expressions.Parsing;

/// <summary>A syntax error at a 1-based column; caught by <see cref="Expression.TryParse"/>.</summary>
internal sealed class SyntaxException(int column, string message) : Exception(message)
{
    public int Column { get; } = column;
}
