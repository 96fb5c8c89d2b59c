using System.Text.Json.Nodes;
using MqttKube.Bindings.Ports;

namespace MqttKube.Kubernetes;

/// <summary>The bindings' <see cref="IKubePort"/> over the REST API: discovery, the shared informers and the object client.</summary>
internal sealed class KubePort(ApiDiscovery discovery, SharedInformers informers, ObjectClient objects) : IKubePort
{
    public Task<ResourceType> ResolveAsync(string resource, string? apiVersion, CancellationToken cancellationToken) =>
        discovery.ResolveAsync(resource, apiVersion, cancellationToken);

    public IObjectSubscription Watch(ResourceType type, string? ns, string? labelSelector, string? name, IObjectObserver observer) =>
        labelSelector is null
            ? informers.Subscribe(type, ns, name, observer.OnEvent)
            : throw new NotSupportedException("label selectors are not watched yet");

    public Task<JsonObject?> GetAsync(ResourceType type, string? ns, string name, CancellationToken cancellationToken) =>
        objects.GetAsync(type, ns, name, cancellationToken);

    public Task<IReadOnlyList<JsonObject>> ListAsync(ResourceType type, string? ns, string? labelSelector, CancellationToken cancellationToken) =>
        objects.ListAsync(type, ns, labelSelector, cancellationToken);

    public Task<JsonObject> CreateAsync(ResourceType type, string? ns, JsonObject obj, CancellationToken cancellationToken) =>
        objects.CreateAsync(type, ns, obj, cancellationToken);

    public Task<PatchResult> PatchAsync(ResourceType type, string? ns, string name, IReadOnlyList<JsonNode> operations, CancellationToken cancellationToken) =>
        objects.PatchAsync(type, ns, name, operations, cancellationToken);

    public Task<bool> DeleteAsync(ResourceType type, string? ns, string name, DeletePropagation propagation, string? uid, CancellationToken cancellationToken) =>
        objects.DeleteAsync(type, ns, name, propagation, uid, cancellationToken);

    public Task WaitUntilGoneAsync(ResourceType type, string? ns, string name, string? uid, TimeSpan timeout, CancellationToken cancellationToken) =>
        objects.WaitUntilGoneAsync(type, ns, name, uid, timeout, cancellationToken);
}
