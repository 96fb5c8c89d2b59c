namespace MqttKube.Tests.EndToEnd.Clusters;

/// <summary>Where the real API server serves a kind: its group-version path and plural, its scope, a status subresource.</summary>
internal sealed record RealResource(string Prefix, string Plural, bool Namespaced, bool HasStatus)
{
    public string Collection(string? ns) => Namespaced && ns is not null ? $"{Prefix}/namespaces/{ns}/{Plural}" : $"{Prefix}/{Plural}";

    public string Item(string? ns, string name) => $"{Collection(ns)}/{name}";
}
