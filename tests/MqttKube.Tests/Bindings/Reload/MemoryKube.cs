using System.Text.Json.Nodes;
using MqttKube.Bindings.Ports;
using MqttKube.Kubernetes;

namespace MqttKube.Tests.Bindings.Reload;

/// <summary>
/// An in-memory <see cref="IKubePort"/> of Deployments: a watch gets the object's state at once (Added or Absent),
/// then every <see cref="SetReplicas"/>. Writes are not needed by the reload tests.
/// </summary>
internal sealed class MemoryKube : IKubePort
{
    public static readonly ResourceType Deployments = new("apps", "v1", "Deployment", "deployments", true, ["get", "list", "watch", "patch"], ["deploy"]);

    private readonly Lock gate = new();
    private readonly Dictionary<(string? Ns, string Name), JsonObject> objects = [];
    private readonly List<Watcher> watchers = [];

    /// <summary>Watches open now.</summary>
    public int Watching
    {
        get
        {
            lock (gate)
            {
                return watchers.Count;
            }
        }
    }

    public void SetReplicas(string ns, string name, int replicas)
    {
        var obj = new JsonObject
        {
            ["apiVersion"] = "apps/v1",
            ["kind"] = "Deployment",
            ["metadata"] = new JsonObject { ["namespace"] = ns, ["name"] = name },
            ["spec"] = new JsonObject { ["replicas"] = replicas },
        };
        List<Watcher> targets;
        bool existed;
        lock (gate)
        {
            existed = objects.ContainsKey((ns, name));
            objects[(ns, name)] = obj;
            targets = [.. watchers.Where(w => w.Ns == ns && (w.Name is null || w.Name == name))];
        }

        foreach (var watcher in targets)
        {
            watcher.Observer.OnEvent(new ObjectEvent(existed ? ObjectEventType.Modified : ObjectEventType.Added, ns, name, obj));
        }
    }

    public Task<ResourceType> ResolveAsync(string resource, string? apiVersion, CancellationToken cancellationToken) =>
        resource.ToLowerInvariant() is "deployment" or "deployments" or "deploy"
            ? Task.FromResult(Deployments)
            : Task.FromException<ResourceType>(new KubeApiException(404, "NotFound", $"no resource {resource} in the cluster"));

    public IObjectSubscription Watch(ResourceType type, string? ns, string? labelSelector, string? name, IObjectObserver observer)
    {
        var watcher = new Watcher(this, ns, name, observer);
        JsonObject? current;
        lock (gate)
        {
            watchers.Add(watcher);
            current = name is null ? null : objects.GetValueOrDefault((ns, name));
        }

        observer.OnEvent(current is null
            ? new ObjectEvent(ObjectEventType.Absent, ns, name, null)
            : new ObjectEvent(ObjectEventType.Added, ns, name, current));
        return watcher;
    }

    public Task<JsonObject?> GetAsync(ResourceType type, string? ns, string name, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            return Task.FromResult(objects.GetValueOrDefault((ns, name)));
        }
    }

    public Task<IReadOnlyList<JsonObject>> ListAsync(ResourceType type, string? ns, string? labelSelector, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<JsonObject> CreateAsync(ResourceType type, string? ns, JsonObject obj, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<PatchResult> PatchAsync(ResourceType type, string? ns, string name, IReadOnlyList<JsonNode> operations, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<bool> DeleteAsync(ResourceType type, string? ns, string name, DeletePropagation propagation, string? uid, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task WaitUntilGoneAsync(ResourceType type, string? ns, string name, string? uid, TimeSpan timeout, CancellationToken cancellationToken) => throw new NotSupportedException();

    private sealed record Watcher(MemoryKube Owner, string? Ns, string? Name, IObjectObserver Observer) : IObjectSubscription
    {
        public string? LastError => null;

        public void Dispose()
        {
            lock (Owner.gate)
            {
                Owner.watchers.Remove(this);
            }
        }
    }
}
