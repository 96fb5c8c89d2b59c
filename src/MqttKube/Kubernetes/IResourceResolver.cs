namespace MqttKube.Kubernetes;

/// <summary>Resolves a binding's `resource` (and optional `api-version`) to a served resource type.</summary>
internal interface IResourceResolver
{
    /// <summary>Throws <see cref="KubeApiException"/> (reason `UnknownResource`) naming the resource when nothing matches.</summary>
    Task<ResourceType> ResolveAsync(string resource, string? apiVersion, CancellationToken cancellationToken);
}
