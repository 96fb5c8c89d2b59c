namespace MqttKube.Tests.EndToEnd.Clusters;

/// <summary>A custom resource type to install: its CRD keeps any field and has a status subresource.</summary>
internal sealed record CustomResourceType(string Group, string Version, string Kind, string Plural, bool Namespaced, params string[] ShortNames)
{
    public string ApiVersion => $"{Group}/{Version}";

    /// <summary>The widgets of the README's custom-resource example.</summary>
    public static CustomResourceType Widget { get; } = new("example.com", "v1", "Widget", "widgets", Namespaced: true, "wd");
}
