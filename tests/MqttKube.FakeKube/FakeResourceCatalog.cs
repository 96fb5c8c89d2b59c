namespace MqttKube.FakeKube;

/// <summary>The discovery catalog: built-in kinds plus registered custom resources, in discovery order.</summary>
public sealed class FakeResourceCatalog
{
    private readonly List<FakeResource> resources = [];
    private readonly Lock gate = new();

    public FakeResourceCatalog()
    {
        Add(new("", "v1", "Pod", "pods", true, ["po"]));
        Add(new("", "v1", "Service", "services", true, ["svc"]));
        Add(new("", "v1", "ConfigMap", "configmaps", true, ["cm"], HasStatus: false));
        Add(new("", "v1", "Secret", "secrets", true, [], HasStatus: false));
        Add(new("", "v1", "Namespace", "namespaces", false, ["ns"]));
        Add(new("", "v1", "Node", "nodes", false, ["no"]));
        Add(new("apps", "v1", "Deployment", "deployments", true, ["deploy"]));
        Add(new("apps", "v1", "DaemonSet", "daemonsets", true, ["ds"]));
        Add(new("apps", "v1", "StatefulSet", "statefulsets", true, ["sts"]));
        Add(new("apps", "v1", "ReplicaSet", "replicasets", true, ["rs"]));
        Add(new("batch", "v1", "Job", "jobs", true, []));
        Add(new("batch", "v1", "CronJob", "cronjobs", true, ["cj"]));
        Add(new("coordination.k8s.io", "v1", "Lease", "leases", true, [], HasStatus: false));
    }

    public void Add(FakeResource resource)
    {
        lock (gate)
        {
            resources.RemoveAll(r => r.GroupVersion == resource.GroupVersion && r.Plural == resource.Plural);
            resources.Add(resource);
        }
    }

    public IReadOnlyList<FakeResource> All
    {
        get { lock (gate) { return [.. resources]; } }
    }

    public FakeResource? Find(string group, string version, string plural) =>
        All.FirstOrDefault(r => r.Group == group && r.Version == version && r.Plural == plural);

    public FakeResource? FindByKind(string groupVersion, string kind) =>
        All.FirstOrDefault(r => r.GroupVersion == groupVersion && r.Kind == kind);

    public bool HasGroupVersion(string group, string version) =>
        All.Any(r => r.Group == group && r.Version == version);

    /// <summary>Groups (not core) in discovery order, each with its versions in registration order.</summary>
    public IReadOnlyList<(string Group, IReadOnlyList<string> Versions)> Groups() =>
        [.. All.Where(r => r.Group.Length > 0).GroupBy(r => r.Group)
            .Select(g => (g.Key, (IReadOnlyList<string>)[.. g.Select(r => r.Version).Distinct()]))];
}
