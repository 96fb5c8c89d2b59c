using System.Text.Json.Nodes;
using MqttKube.Kubernetes;

namespace MqttKube.Bindings.Ports;

/// <summary>
/// What the bindings need of the Kubernetes API: resolve a kind, watch objects, read, create, patch and delete them.
/// <c>Kubernetes/</c> implements it over REST, tests in memory. Failures other than the answers each method names are
/// <see cref="KubeApiException"/>s (<see cref="KubeApiException.Code"/> 0, 429 and 5xx are worth retrying).
/// </summary>
internal interface IKubePort
{
    /// <summary>The served type a binding's <c>resource</c> names; a <see cref="KubeApiException"/> (UnknownResource) when none.</summary>
    Task<ResourceType> ResolveAsync(string resource, string? apiVersion, CancellationToken cancellationToken);

    /// <summary>
    /// Watches the objects of <paramref name="type"/> in <paramref name="ns"/> (every namespace, or cluster-scoped, when
    /// null) that match <paramref name="labelSelector"/>, only the one named <paramref name="name"/> when given. One
    /// list+watch per (type, namespace, selector) serves every observer. Dispose the result to stop.
    /// </summary>
    IObjectSubscription Watch(ResourceType type, string? ns, string? labelSelector, string? name, IObjectObserver observer);

    /// <summary>The object, or null when it does not exist.</summary>
    Task<JsonObject?> GetAsync(ResourceType type, string? ns, string name, CancellationToken cancellationToken);

    Task<IReadOnlyList<JsonObject>> ListAsync(ResourceType type, string? ns, string? labelSelector, CancellationToken cancellationToken);

    /// <summary>Creates the object in <paramref name="ns"/>; AlreadyExists is a <see cref="KubeApiException"/>.</summary>
    Task<JsonObject> CreateAsync(ResourceType type, string? ns, JsonObject obj, CancellationToken cancellationToken);

    /// <summary>
    /// Sends <paramref name="operations"/> as one JSON Patch request (the field manager <c>mqtt-kube</c>). No retry and
    /// no re-planning here: a conflict is the caller's to handle.
    /// </summary>
    Task<PatchResult> PatchAsync(ResourceType type, string? ns, string name, IReadOnlyList<JsonNode> operations, CancellationToken cancellationToken);

    /// <summary>
    /// Deletes the object; false when it did not exist. With <paramref name="uid"/>, only that very object: when the
    /// name now belongs to another, a <see cref="KubeApiException"/> 409 Conflict.
    /// </summary>
    Task<bool> DeleteAsync(ResourceType type, string? ns, string name, DeletePropagation propagation, string? uid, CancellationToken cancellationToken);

    /// <summary>Waits until the object is gone (or replaced by one with another uid than <paramref name="uid"/>).</summary>
    Task WaitUntilGoneAsync(ResourceType type, string? ns, string name, string? uid, TimeSpan timeout, CancellationToken cancellationToken);
}
