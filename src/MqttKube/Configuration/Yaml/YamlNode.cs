namespace MqttKube.Configuration.Yaml;

/// <summary>
/// A node of a parsed YAML document with its position. Our own small tree (instead of YamlDotNet's
/// representation model) keeps mapping entries in order, keeps <c>1</c> and <c>"1"</c> as different keys,
/// and resolves scalars by the config's rules (<see cref="YamlScalar.Kind"/>).
/// </summary>
internal abstract class YamlNode
{
    protected YamlNode(SourcePosition position, string? tag)
    {
        Position = position;
        Tag = tag;
    }

    public SourcePosition Position { get; }

    /// <summary>The explicit tag (<c>!relpath</c>, <c>tag:yaml.org,2002:str</c>), or null.</summary>
    public string? Tag { get; }

    /// <summary>
    /// The size of the node with every alias in it expanded: one per node plus the characters of its scalars. What a
    /// walk over the tree (binding, templates, dumps) visits.
    /// </summary>
    public abstract long Size { get; }

    /// <summary>What a person calls this kind of node in a message.</summary>
    public abstract string Describe();
}
