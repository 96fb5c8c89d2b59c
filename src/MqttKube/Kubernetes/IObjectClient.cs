using System.Text.Json.Nodes;

namespace MqttKube.Kubernetes;

/// <summary>Reads and writes objects of any kind as JSON. Failures throw <see cref="KubeApiException"/>.</summary>
internal interface IObjectClient
{
    /// <summary>The object, or null when it does not exist.</summary>
    Task<JsonObject?> GetAsync(ResourceType type, string? ns, string name, CancellationToken cancellationToken);

    Task<IReadOnlyList<JsonObject>> ListAsync(ResourceType type, string? ns, string? labelSelector, CancellationToken cancellationToken);

    /// <summary>Creates the object in <paramref name="ns"/> (AlreadyExists is a <see cref="KubeApiException"/>).</summary>
    Task<JsonObject> CreateAsync(ResourceType type, string? ns, JsonObject obj, CancellationToken cancellationToken);

    /// <summary>
    /// Reads the object, asks <paramref name="plan"/> for JSON Patch operations (null or empty: nothing to do), and
    /// sends them in one request guarded by a `test` of the object's resourceVersion; on a conflict (the object moved)
    /// it re-reads and re-plans, with jittered back-off, until the patch lands, the object is gone, or the conflict
    /// timeout (30 s) passes (<see cref="PatchOutcome.Conflict"/>).
    /// </summary>
    Task<PatchResult> JsonPatchAsync(ResourceType type, string? ns, string name, Func<JsonObject, IReadOnlyList<JsonNode>?> plan, CancellationToken cancellationToken);

    /// <summary>
    /// As the other overload, planning first from <paramref name="cached"/> (a recent version of the object, e.g. the
    /// watch's): a stale copy fails the resourceVersion test and is re-read; "nothing to do" is confirmed by a read.
    /// <paramref name="plan"/> must not modify the object it is given.
    /// </summary>
    Task<PatchResult> JsonPatchAsync(ResourceType type, string? ns, string name, Func<JsonObject, IReadOnlyList<JsonNode>?> plan, JsonObject? cached, CancellationToken cancellationToken);

    /// <summary>
    /// Deletes the object; false when it did not exist. With <paramref name="uid"/>, only that very object: when the name
    /// now belongs to another, the server refuses with a 409 Conflict (a <see cref="KubeApiException"/>).
    /// </summary>
    Task<bool> DeleteAsync(ResourceType type, string? ns, string name, DeletePropagation propagation, string? uid, CancellationToken cancellationToken);

    /// <summary>Waits until the object is gone (or replaced by another with a different uid than <paramref name="uid"/>).</summary>
    Task WaitUntilGoneAsync(ResourceType type, string? ns, string name, string? uid, TimeSpan timeout, CancellationToken cancellationToken);
}
