namespace MqttKube.Expressions.Ast;

internal enum UnaryOperator
{
    Negate,
    Plus,
    Invert,
    Not,
}
