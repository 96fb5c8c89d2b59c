using System.Text.Json.Nodes;
using MqttKube.Bindings.Ports;
using MqttKube.Kubernetes;

namespace MqttKube.Bindings.Leadership;

/// <summary>
/// The Kubernetes port under leader election: reads and watches always pass (followers keep their informers synced);
/// writes (create, patch, delete) only while the gate is open: a command queued before this replica stopped leading
/// fails with <see cref="NotLeadingException"/> instead of writing.
/// </summary>
internal sealed class GatedKubePort(IKubePort inner, LeaderGate gate) : IKubePort
{
    public Task<ResourceType> ResolveAsync(string resource, string? apiVersion, CancellationToken cancellationToken) =>
        inner.ResolveAsync(resource, apiVersion, cancellationToken);

    public IObjectSubscription Watch(ResourceType type, string? ns, string? labelSelector, string? name, IObjectObserver observer) =>
        inner.Watch(type, ns, labelSelector, name, observer);

    public Task<JsonObject?> GetAsync(ResourceType type, string? ns, string name, CancellationToken cancellationToken) =>
        inner.GetAsync(type, ns, name, cancellationToken);

    public Task<IReadOnlyList<JsonObject>> ListAsync(ResourceType type, string? ns, string? labelSelector, CancellationToken cancellationToken) =>
        inner.ListAsync(type, ns, labelSelector, cancellationToken);

    public Task<JsonObject> CreateAsync(ResourceType type, string? ns, JsonObject obj, CancellationToken cancellationToken) =>
        gate.IsOpen ? inner.CreateAsync(type, ns, obj, cancellationToken) : throw new NotLeadingException();

    public Task<PatchResult> PatchAsync(ResourceType type, string? ns, string name, IReadOnlyList<JsonNode> operations, CancellationToken cancellationToken) =>
        gate.IsOpen ? inner.PatchAsync(type, ns, name, operations, cancellationToken) : throw new NotLeadingException();

    public Task<bool> DeleteAsync(ResourceType type, string? ns, string name, DeletePropagation propagation, string? uid, CancellationToken cancellationToken) =>
        gate.IsOpen ? inner.DeleteAsync(type, ns, name, propagation, uid, cancellationToken) : throw new NotLeadingException();

    public Task WaitUntilGoneAsync(ResourceType type, string? ns, string name, string? uid, TimeSpan timeout, CancellationToken cancellationToken) =>
        inner.WaitUntilGoneAsync(type, ns, name, uid, timeout, cancellationToken);
}
