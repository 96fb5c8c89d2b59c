namespace MqttKube.Templates;

/// <summary>
/// The shape of a template, fixed when it is loaded: mappings with their literal keys, sequences, and scalars.
/// Rendering fills scalars only, so a payload can never add keys, items or documents.
/// </summary>
internal abstract record TemplateNode
{
    public sealed record Scalar(TemplateScalar Value) : TemplateNode;

    public sealed record Sequence(TemplateNode[] Items) : TemplateNode;

    public sealed record Mapping(KeyValuePair<string, TemplateNode>[] Entries) : TemplateNode;
}
