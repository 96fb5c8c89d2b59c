using System.Text.Json.Nodes;
using MqttKube.FakeKube;
using MqttKube.Tests.Support.RealKube;

namespace MqttKube.Tests.EndToEnd.Clusters;

/// <summary>A scenario's cluster on a fake API server of its own.</summary>
internal sealed class FakeCluster(FakeKubeServer kube, string ns) : TestCluster(ns)
{
    private readonly Lazy<KubeHttp> http = new(() => KubeHttp.ForFake(kube.BaseAddress));

    public override FakeKubeServer Fake => kube;

    public override KubeHttp Http => http.Value;

    public override string Name => "fake";

    /// <summary>Starts a fake API server; <paramref name="seed"/> fills it (as someone else, bypassing every check).</summary>
    public static async Task<FakeCluster> StartAsync(Action<FakeKubeServer>? seed = null, string ns = "media")
    {
        var kube = await FakeKubeServer.StartAsync();
        kube.Upsert($$$"""{"apiVersion":"v1","kind":"Namespace","metadata":{"name":"{{{ns}}}"}}""");
        seed?.Invoke(kube);
        return new FakeCluster(kube, ns);
    }

    public override string UniqueName(string name) => name;

    public override async Task<string> WriteKubeconfigAsync(string directory)
    {
        var path = Path.Combine(directory, "kubeconfig");
        await File.WriteAllTextAsync(path, FakeKubeServer.Kubeconfig(kube.BaseAddress.ToString()));
        return path;
    }

    public override Task<JsonObject> CreateAsync(JsonObject obj)
    {
        var r = Resource(obj);
        return Task.FromResult(kube.Store.Create(r, Scope(r), obj));
    }

    public override Task<JsonObject?> GetAsync(string apiVersion, string kind, string name) =>
        Task.FromResult(kube.Get(apiVersion, kind, Namespace, name));

    public override Task<JsonObject> ModifyAsync(string apiVersion, string kind, string name, Action<JsonObject> change)
    {
        var r = kube.Resource(apiVersion, kind);
        return Task.FromResult(kube.Store.Update(r, Scope(r), name, o =>
        {
            change(o);
            return o;
        }));
    }

    public override Task WriteStatusAsync(string apiVersion, string kind, string name, JsonObject status)
    {
        var r = kube.Resource(apiVersion, kind);
        kube.Store.Update(r, Scope(r), name, o =>
        {
            o["status"] = WithoutNulls(status);
            return o;
        }, statusOnly: r.HasStatus);
        return Task.CompletedTask;
    }

    public override Task<bool> DeleteAsync(string apiVersion, string kind, string name) =>
        Task.FromResult(kube.Delete(apiVersion, kind, Namespace, name));

    public override Task RegisterCustomResourceAsync(CustomResourceType type)
    {
        kube.RegisterCustomResource(type.Group, type.Version, type.Kind, type.Plural, type.Namespaced, statusSubresource: true, type.ShortNames);
        return Task.CompletedTask;
    }

    public override Task RestartApiServerAsync() => kube.RestartAsync();

    public override ValueTask DisposeAsync()
    {
        if (http.IsValueCreated)
        {
            http.Value.Dispose();
        }

        return kube.DisposeAsync();
    }

    private FakeResource Resource(JsonObject obj) => kube.Resource((string?)obj["apiVersion"] ?? "", (string?)obj["kind"] ?? "");

    private string? Scope(FakeResource r) => r.Namespaced ? Namespace : null;
}
