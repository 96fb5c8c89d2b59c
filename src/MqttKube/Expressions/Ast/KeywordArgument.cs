namespace MqttKube.Expressions.Ast;

/// <summary><c>name=value</c> in a call.</summary>
internal sealed record KeywordArgument(string Name, Node Value);
