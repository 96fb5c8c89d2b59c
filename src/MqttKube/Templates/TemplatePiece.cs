namespace MqttKube.Templates;

/// <summary>A span of a template scalar and what it holds (see <see cref="TemplateScanner"/>).</summary>
internal readonly record struct TemplatePiece(int Start, int Length, TemplatePieceKind Kind);
