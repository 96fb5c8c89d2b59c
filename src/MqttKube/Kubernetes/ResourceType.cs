namespace MqttKube.Kubernetes;

/// <summary>A resource type as the API server's discovery describes it.</summary>
internal sealed record ResourceType(
    string Group,
    string Version,
    string Kind,
    string Plural,
    bool Namespaced,
    IReadOnlyList<string> Verbs,
    IReadOnlyList<string> ShortNames)
{
    /// <summary>`apps/v1`, or `v1` for the core group.</summary>
    public string ApiVersion => Group.Length == 0 ? Version : $"{Group}/{Version}";

    /// <summary>`deployments.apps` (kubectl's and RBAC's way to name it), `pods` for the core group.</summary>
    public string QualifiedPlural => Group.Length == 0 ? Plural : $"{Plural}.{Group}";

    /// <summary>The collection path: `/apis/apps/v1/namespaces/media/deployments`; all namespaces when <paramref name="ns"/> is null.</summary>
    public string CollectionPath(string? ns)
    {
        var prefix = Group.Length == 0 ? $"/api/{Version}" : $"/apis/{Group}/{Version}";
        return Namespaced && ns != null
            ? $"{prefix}/namespaces/{Uri.EscapeDataString(ns)}/{Plural}"
            : $"{prefix}/{Plural}";
    }

    public string ObjectPath(string? ns, string name) => $"{CollectionPath(ns)}/{Uri.EscapeDataString(name)}";

    /// <summary>The namespace to use for this type: null for cluster-scoped kinds whatever was asked.</summary>
    public string? ScopeNamespace(string? ns) => Namespaced ? ns : null;

    public override string ToString() => $"{Kind}.{ApiVersion}";
}
