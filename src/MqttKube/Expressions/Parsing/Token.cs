namespace MqttKube.Expressions.Parsing;

/// <summary>A token; <see cref="Text"/> is the identifier or operator, <see cref="Value"/> the literal's value.</summary>
internal readonly record struct Token(TokenKind Kind, string Text, int Column, PyValue? Value = null)
{
    public bool Is(string op) => (Kind == TokenKind.Operator || Kind == TokenKind.Name) && Text == op;
}
