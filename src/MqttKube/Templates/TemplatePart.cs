using MqttKube.Expressions;

namespace MqttKube.Templates;

/// <summary>A piece of a templated scalar: literal text, or a <c>${…}</c> expression.</summary>
internal readonly record struct TemplatePart(string? Text, Expression? Expression);
