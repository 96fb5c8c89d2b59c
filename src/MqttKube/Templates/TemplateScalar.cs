using System.Text.Json.Nodes;
using MqttKube.Configuration;

namespace MqttKube.Templates;

/// <summary>
/// A compiled scalar of a template. No <c>${…}</c>: a constant of its YAML type. Exactly one <c>${…}</c>: the
/// expression's typed value. Otherwise: text with each expression's <c>str()</c> spliced in.
/// </summary>
internal sealed class TemplateScalar(JsonNode? constant, TemplatePart[]? parts, SourcePosition position)
{
    public JsonNode? Constant { get; } = constant;

    /// <summary>Null for a constant.</summary>
    public TemplatePart[]? Parts { get; } = parts;

    public SourcePosition Position { get; } = position;
}
