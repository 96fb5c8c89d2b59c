using System.Text.Json.Nodes;
using MqttKube.FakeKube;
using MqttKube.Tests.Support.Mosquitto;
using MqttKube.Tests.Support.RealKube;

namespace MqttKube.Tests.EndToEnd.Clusters;

/// <summary>
/// The cluster a scenario runs on: the fake API server (<see cref="FakeCluster"/>) or a fresh namespace on the real
/// kube-apiserver (<see cref="RealCluster"/>). Objects are written as a client writes them (a create drops the status
/// of kinds with a status subresource; status goes through that subresource); namespaced objects live in
/// <see cref="Namespace"/>.
/// </summary>
internal abstract class TestCluster(string ns) : IAsyncDisposable
{
    /// <summary>A fresh cluster for one scenario by its <see cref="ClusterDataAttribute"/> name; "real" skips the test when there is no real API server.</summary>
    public static async Task<TestCluster> StartAsync(string name, RealKubeControlPlane realKube) => name switch
    {
        ClusterDataAttribute.Fake => await FakeCluster.StartAsync(),
        ClusterDataAttribute.Real => await RealCluster.StartAsync(realKube),
        _ => throw new ArgumentException($"unknown cluster {name}", nameof(name)),
    };

    /// <summary>The namespace of this test's namespaced objects.</summary>
    public string Namespace { get; } = ns;

    /// <summary>The fake API server, for what only it can do (recorded requests, injected faults), or null.</summary>
    public virtual FakeKubeServer? Fake => null;

    /// <summary>Plain HTTP to the API server (as its admin on the real one).</summary>
    public abstract KubeHttp Http { get; }

    /// <summary>"fake" or "real", for messages.</summary>
    public abstract string Name { get; }

    /// <summary>A name for a cluster-scoped object that no other test on the same cluster uses.</summary>
    public abstract string UniqueName(string name);

    /// <summary>Writes a kubeconfig for the service into <paramref name="directory"/>; its path.</summary>
    public abstract Task<string> WriteKubeconfigAsync(string directory);

    /// <summary>Creates an object as a client does (POST), in <see cref="Namespace"/> when its kind is namespaced.</summary>
    public abstract Task<JsonObject> CreateAsync(JsonObject obj);

    public Task<JsonObject> CreateAsync(string json) => CreateAsync(JsonNode.Parse(json, documentOptions: KubeHttp.Deep)!.AsObject());

    /// <summary>The object, or null.</summary>
    public abstract Task<JsonObject?> GetAsync(string apiVersion, string kind, string name);

    /// <summary>Changes an object as someone else does (kubectl edit: read, change, write back; status untouched).</summary>
    public abstract Task<JsonObject> ModifyAsync(string apiVersion, string kind, string name, Action<JsonObject> change);

    /// <summary>Replaces the object's status as a controller does (through the status subresource where there is one).</summary>
    public abstract Task WriteStatusAsync(string apiVersion, string kind, string name, JsonObject status);

    /// <summary>
    /// The workload controller's part: the object's status comes to hold <paramref name="status"/> (a null member: absent).
    /// The fake writes it; on the real cluster kube-controller-manager does, and this waits until it has.
    /// </summary>
    public virtual async Task ControllerReportsAsync(string apiVersion, string kind, string name, JsonObject status)
    {
        var merged = (await GetAsync(apiVersion, kind, name))?["status"]?.DeepClone() as JsonObject ?? [];
        foreach (var (key, value) in status)
        {
            merged[key] = value?.DeepClone();
        }

        await WriteStatusAsync(apiVersion, kind, name, merged);
    }

    /// <summary>Deletes an object as someone else does (background propagation); false when it did not exist.</summary>
    public abstract Task<bool> DeleteAsync(string apiVersion, string kind, string name);

    /// <summary>Installs a custom resource type (a CRD whose schema keeps any field, with a status subresource).</summary>
    public abstract Task RegisterCustomResourceAsync(CustomResourceType type);

    /// <summary>Restarts the API server (on the same address, its objects kept; open watches break).</summary>
    public abstract Task RestartApiServerAsync();

    public abstract ValueTask DisposeAsync();

    /// <summary>Waits until <paramref name="condition"/> holds for the object (null when it does not exist).</summary>
    public Task WaitForAsync(string apiVersion, string kind, string name, Func<JsonObject?, bool> condition, string what) =>
        Eventually.WaitAsync(async () => condition(await GetAsync(apiVersion, kind, name)), () => $"{what} ({Name} cluster)");

    /// <summary><paramref name="status"/> without its null members: what a status holding those values is.</summary>
    protected static JsonObject WithoutNulls(JsonObject status) =>
        new(status.Where(kv => kv.Value is not null).Select(kv => KeyValuePair.Create(kv.Key, (JsonNode?)kv.Value!.DeepClone())));
}
