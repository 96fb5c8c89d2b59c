namespace MqttKube.Expressions.Parsing;

internal enum TokenKind
{
    End,
    Name,
    Number,
    String,
    Operator,
}
