namespace MqttKube.Expressions.Ast;

internal enum BinaryOperator
{
    Add,
    Subtract,
    Multiply,
    TrueDivide,
    FloorDivide,
    Modulo,
    Power,
    BitAnd,
    BitOr,
    BitXor,
    LeftShift,
    RightShift,
}
