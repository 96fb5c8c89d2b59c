using System.Text.Json.Nodes;
using MqttKube.Configuration;

namespace MqttKube.Templates;

/// <summary>
/// A compiled scalar of a template. No <c>${…}</c>: a constant of its YAML type. Exactly one <c>${…}</c>: the
/// expression's typed value, a scalar only. Otherwise: text with each expression's <c>str()</c> spliced in.
/// </summary>
internal sealed class TemplateScalar(JsonNode? constant, TemplatePart[]? parts, SourcePosition position, TemplateField field = TemplateField.Any, string path = "")
{
    public JsonNode? Constant { get; } = constant;

    /// <summary>Null for a constant.</summary>
    public TemplatePart[]? Parts { get; } = parts;

    public SourcePosition Position { get; } = position;

    /// <summary>What the rendered value must be (a string for <c>metadata.name</c>, ...).</summary>
    public TemplateField Field { get; } = field;

    /// <summary>Where the scalar sits in the object, as messages name it: <c>metadata.name</c>.</summary>
    public string Path { get; } = path;
}
