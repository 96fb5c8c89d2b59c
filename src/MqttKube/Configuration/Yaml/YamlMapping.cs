namespace MqttKube.Configuration.Yaml;

/// <summary>A mapping whose entries keep their order and their keys' YAML types.</summary>
internal sealed class YamlMapping(IReadOnlyList<KeyValuePair<YamlNode, YamlNode>> entries, SourcePosition position, string? tag)
    : YamlNode(position, tag)
{
    public IReadOnlyList<KeyValuePair<YamlNode, YamlNode>> Entries { get; } = entries;

    public override long Size { get; } = 1 + entries.Sum(e => e.Key.Size + e.Value.Size);

    public override string Describe() => "a mapping";

    /// <summary>The value of the entry whose key is the plain string <paramref name="key"/>, or null.</summary>
    public YamlNode? Get(string key)
    {
        foreach (var (k, v) in Entries)
        {
            if (k is YamlScalar { Kind: YamlScalarKind.String } s && s.Value == key)
            {
                return v;
            }
        }

        return null;
    }
}
