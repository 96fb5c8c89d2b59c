using System.Text.Json.Nodes;

namespace MqttKube.JsonPath;

/// <summary>
/// What the parser read where a filter operand or function argument goes, before its use decides
/// whether it is well-typed: a literal, a query, a ValueType or LogicalType function, or (as a
/// function argument) a logical expression.
/// </summary>
internal readonly record struct Primary(
    int Column,
    JsonNode? Literal = null,
    bool IsLiteral = false,
    JsonPathQuery? Query = null,
    ValueExpression? Value = null,
    LogicalExpression? Logical = null,
    string? FunctionName = null,
    bool IsLogicalExpression = false);
