using MqttKube.Expressions;

namespace MqttKube.Templates;

/// <summary>A piece of a templated scalar: literal text, a <c>${…}</c> expression, or a Scriban run.</summary>
internal readonly record struct TemplatePart(string? Text, Expression? Expression, ScribanPart? Scriban = null);
