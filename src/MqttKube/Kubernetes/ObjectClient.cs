using System.Text.Json.Nodes;

namespace MqttKube.Kubernetes;

/// <summary>The <see cref="IObjectClient"/> over the Kubernetes REST API; writes name the field manager `mqtt-kube`.</summary>
internal sealed partial class ObjectClient(KubeApi api) : IObjectClient
{
    public const string JsonPatchContentType = "application/json-patch+json";

    private static string Manager => KubeApi.Query(("fieldManager", KubeApi.FieldManager));

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

    public async Task<JsonObject> CreateAsync(ResourceType type, string? ns, JsonObject obj, CancellationToken cancellationToken)
    {
        var created = await api.SendAsync(HttpMethod.Post, type.CollectionPath(type.ScopeNamespace(ns)) + Manager, obj, "application/json", cancellationToken).ConfigureAwait(false);
        return WithTypeMeta(type, created.AsObject());
    }

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
