using System.Text.Json.Nodes;
using MqttKube.Bindings.Ports;

namespace MqttKube.Kubernetes;

/// <summary>Objects of any kind as JSON over the Kubernetes REST API; writes name the field manager <c>mqtt-kube</c>.</summary>
internal sealed class ObjectClient(KubeApi api)
{
    public const string JsonPatchContentType = "application/json-patch+json";

    private static string Manager => KubeApi.Query(("fieldManager", KubeApi.FieldManager));

    /// <summary>The object, or null when it does not exist.</summary>
    public async Task<JsonObject?> GetAsync(ResourceType type, string? ns, string name, CancellationToken cancellationToken)
    {
        try
        {
            var node = await api.GetAsync(type.ObjectPath(type.ScopeNamespace(ns), name), cancellationToken).ConfigureAwait(false);
            return WithTypeMeta(type, node.AsObject());
        }
        catch (KubeApiException e) when (e.IsNotFound)
        {
            return null;
        }
    }

    /// <summary>Every object of the collection that matches <paramref name="labelSelector"/>, page by page.</summary>
    public async Task<IReadOnlyList<JsonObject>> ListAsync(ResourceType type, string? ns, string? labelSelector, CancellationToken cancellationToken)
    {
        var items = new List<JsonObject>();
        string? next = null;
        do
        {
            var query = KubeApi.Query(("labelSelector", labelSelector), ("limit", "500"), ("continue", next));
            var list = await api.GetAsync(type.CollectionPath(type.ScopeNamespace(ns)) + query, cancellationToken).ConfigureAwait(false);
            items.AddRange((list["items"] as JsonArray ?? []).OfType<JsonObject>().Select(i => WithTypeMeta(type, (JsonObject)i.DeepClone())));
            next = (string?)list["metadata"]?["continue"];
        }
        while (!string.IsNullOrEmpty(next));
        return items;
    }

    /// <summary>Creates the object in <paramref name="ns"/> (AlreadyExists is a <see cref="KubeApiException"/>).</summary>
    public async Task<JsonObject> CreateAsync(ResourceType type, string? ns, JsonObject obj, CancellationToken cancellationToken)
    {
        var created = await api.SendAsync(HttpMethod.Post, type.CollectionPath(type.ScopeNamespace(ns)) + Manager, obj, "application/json", cancellationToken).ConfigureAwait(false);
        return WithTypeMeta(type, created.AsObject());
    }

    /// <summary>
    /// One JSON Patch request: 409 is <see cref="PatchStatus.Conflict"/>, 404 <see cref="PatchStatus.NotFound"/>, 422
    /// <see cref="PatchStatus.Invalid"/> with the server's reason; any other failure a <see cref="KubeApiException"/>.
    /// </summary>
    public async Task<PatchResult> PatchAsync(ResourceType type, string? ns, string name, IReadOnlyList<JsonNode> operations, CancellationToken cancellationToken)
    {
        var body = new JsonArray([.. operations.Select(op => op.DeepClone())]);
        try
        {
            var patched = await api.SendAsync(HttpMethod.Patch, type.ObjectPath(type.ScopeNamespace(ns), name) + Manager, body, JsonPatchContentType, cancellationToken).ConfigureAwait(false);
            return new PatchResult(PatchStatus.Patched, WithTypeMeta(type, patched.AsObject()));
        }
        catch (KubeApiException e) when (e.IsNotFound)
        {
            return new PatchResult(PatchStatus.NotFound, Reason: e.Message);
        }
        catch (KubeApiException e) when (e.IsConflict)
        {
            return new PatchResult(PatchStatus.Conflict, Reason: e.Message);
        }
        catch (KubeApiException e) when (e.Code == 422)
        {
            return new PatchResult(PatchStatus.Invalid, Reason: e.Message);
        }
    }

    /// <summary>
    /// Deletes the object; false when it did not exist. With <paramref name="uid"/>, only that very object: when the name
    /// now belongs to another, the server refuses with a 409 Conflict (a <see cref="KubeApiException"/>).
    /// </summary>
    public async Task<bool> DeleteAsync(ResourceType type, string? ns, string name, DeletePropagation propagation, string? uid, CancellationToken cancellationToken)
    {
        var options = new JsonObject { ["kind"] = "DeleteOptions", ["apiVersion"] = "v1", ["propagationPolicy"] = propagation.ToString() };
        if (uid is not null)
        {
            options["preconditions"] = new JsonObject { ["uid"] = uid };
        }

        try
        {
            await api.SendAsync(HttpMethod.Delete, type.ObjectPath(type.ScopeNamespace(ns), name), options, "application/json", cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (KubeApiException e) when (e.IsNotFound)
        {
            return false;
        }
    }

    /// <summary>Waits until the object is gone (or replaced by another with a different uid than <paramref name="uid"/>).</summary>
    public async Task WaitUntilGoneAsync(ResourceType type, string? ns, string name, string? uid, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(timeout);
        var delay = TimeSpan.FromMilliseconds(100);
        try
        {
            while (await GetAsync(type, ns, name, limit.Token).ConfigureAwait(false) is { } obj
                   && (uid == null || (string?)obj["metadata"]?["uid"] == uid))
            {
                await Task.Delay(delay, limit.Token).ConfigureAwait(false);
                delay = TimeSpan.FromMilliseconds(Math.Min(delay.TotalMilliseconds * 2, 2000));
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new KubeApiException(0, "Timeout", $"{type.QualifiedPlural} \"{name}\" still exists after {timeout.TotalSeconds:0} s");
        }
    }

    /// <summary>List items of built-in kinds come without kind/apiVersion; every object handed out has them.</summary>
    internal static JsonObject WithTypeMeta(ResourceType type, JsonObject obj)
    {
        if (obj["kind"] != null && obj["apiVersion"] != null)
        {
            return obj;
        }

        var typed = new JsonObject { ["apiVersion"] = type.ApiVersion, ["kind"] = type.Kind };
        foreach (var (key, value) in obj.ToList())
        {
            if (key is not ("apiVersion" or "kind"))
            {
                obj.Remove(key);
                typed[key] = value;
            }
        }

        return typed;
    }
}
