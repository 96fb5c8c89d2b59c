namespace MqttKube.Configuration.Yaml;

internal sealed class YamlSequence(IReadOnlyList<YamlNode> items, SourcePosition position, string? tag)
    : YamlNode(position, tag)
{
    public IReadOnlyList<YamlNode> Items { get; } = items;

    public override long Size { get; } = 1 + items.Sum(i => i.Size);

    public override string Describe() => "a list";
}
