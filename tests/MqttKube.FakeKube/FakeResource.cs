namespace MqttKube.FakeKube;

/// <summary>A resource type the fake API server serves (one group/version/plural).</summary>
public sealed record FakeResource(
    string Group,
    string Version,
    string Kind,
    string Plural,
    bool Namespaced,
    IReadOnlyList<string> ShortNames,
    bool HasStatus = true)
{
    public string Singular => Kind.ToLowerInvariant();

    public string GroupVersion => Group.Length == 0 ? Version : $"{Group}/{Version}";

    /// <summary>`deployments.apps`, or `pods` for the core group: how the real server names it in messages.</summary>
    public string QualifiedPlural => Group.Length == 0 ? Plural : $"{Plural}.{Group}";

    /// <summary>Storage identity: all versions of one group/plural share objects.</summary>
    public string StorageKey => $"{Group}/{Plural}";

    /// <summary>Built-in kinds drop kind/apiVersion from list items; custom resources keep them.</summary>
    public bool BuiltIn { get; init; } = true;

    public static IReadOnlyList<string> Verbs { get; } =
        ["create", "delete", "deletecollection", "get", "list", "patch", "update", "watch"];
}
