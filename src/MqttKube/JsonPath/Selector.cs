namespace MqttKube.JsonPath;

/// <summary>One selector of a segment (RFC 9535 2.3): name, wildcard, index, slice or filter.</summary>
internal abstract class Selector
{
    /// <summary>1-based column of the selector in the query text.</summary>
    public int Column { get; init; }

    /// <summary>Appends what this selector selects from <paramref name="node"/> to <paramref name="output"/>.</summary>
    /// <remarks>When <paramref name="node"/> has no location, no locations are built for its children.</remarks>
    public abstract void Select(in JsonPathNode node, JsonPathContext context, List<JsonPathNode> output);

    protected static NormalizedPath? Child(NormalizedPath? parent, string name) => parent?.Child(name);

    protected static NormalizedPath? Child(NormalizedPath? parent, int index) => parent?.Child(index);
}
