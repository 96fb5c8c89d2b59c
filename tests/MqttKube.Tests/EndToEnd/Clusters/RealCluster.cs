using System.Text.Json.Nodes;
using MqttKube.Tests.Support.Mosquitto;
using MqttKube.Tests.Support.RealKube;

namespace MqttKube.Tests.EndToEnd.Clusters;

/// <summary>
/// A scenario's cluster on the shared real kube-apiserver: a fresh namespace (ready once its default ServiceAccount
/// exists), cluster-scoped names with a suffix of its own; both are deleted when the scenario ends.
/// </summary>
internal sealed partial class RealCluster : TestCluster
{
    private const int Attempts = 10;
    private readonly RealKubeControlPlane plane;
    private readonly string suffix;
    private readonly List<string> clusterScoped = [];

    private RealCluster(RealKubeControlPlane plane, string ns, string suffix)
        : base(ns)
    {
        this.plane = plane;
        this.suffix = suffix;
    }

    public override string Name => "real";

    public override KubeHttp Http => plane.Api;

    private KubeHttp Api => plane.Api;

    /// <summary>A fresh namespace on the real API server; skips the test when there is none.</summary>
    public static async Task<RealCluster> StartAsync(RealKubeControlPlane plane)
    {
        plane.Require();
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var cluster = new RealCluster(plane, "e2e-" + suffix, suffix);
        await plane.Api.RequestAsync(HttpMethod.Post, "/api/v1/namespaces", new JsonObject { ["apiVersion"] = "v1", ["kind"] = "Namespace", ["metadata"] = new JsonObject { ["name"] = cluster.Namespace } });
        if (plane.HasControllers)
        {
            // Pods are refused until the namespace's default ServiceAccount exists (~0.15 s later).
            await Eventually.WaitAsync(
                async () => (await plane.Api.SendAsync(HttpMethod.Get, $"/api/v1/namespaces/{cluster.Namespace}/serviceaccounts/default")).Code == 200,
                () => $"the default ServiceAccount of {cluster.Namespace}");
        }

        return cluster;
    }

    public override string UniqueName(string name) => $"{name}-{suffix}";

    /// <summary>When set, the service authenticates with this bearer token (a ServiceAccount's), not as the admin.</summary>
    public string? ServiceToken { get; set; }

    public override async Task<string> WriteKubeconfigAsync(string directory)
    {
        if (ServiceToken is null)
        {
            return plane.Environment.Kubeconfig;
        }

        var path = Path.Combine(directory, "kubeconfig");
        await File.WriteAllTextAsync(path, $$$"""
            apiVersion: v1
            kind: Config
            clusters: [{name: real, cluster: {server: "{{{plane.Environment.Server}}}", certificate-authority: "{{{plane.Environment.CaFile}}}"}}]
            users: [{name: sa, user: {token: "{{{ServiceToken}}}"}}]
            contexts: [{name: real, context: {cluster: real, user: sa, namespace: {{{Namespace}}}}}]
            current-context: real
            """);
        return path;
    }

    public override async Task<JsonObject> CreateAsync(JsonObject obj)
    {
        var r = await ResourceAsync((string?)obj["apiVersion"] ?? "", (string?)obj["kind"] ?? "");
        var created = await Api.RequestAsync(HttpMethod.Post, r.Collection(Namespace), obj);
        if (!r.Namespaced)
        {
            clusterScoped.Add(r.Collection(null) + "/" + (string?)created["metadata"]?["name"]);
        }

        return created;
    }

    public override async Task<JsonObject?> GetAsync(string apiVersion, string kind, string name)
    {
        var r = await ResourceAsync(apiVersion, kind);
        var response = await Api.SendAsync(HttpMethod.Get, r.Item(Namespace, name));
        return response.Code == 404 ? null : response.Body as JsonObject ?? throw new KubeHttpException(HttpMethod.Get, r.Item(Namespace, name), response);
    }

    public override async Task<JsonObject> ModifyAsync(string apiVersion, string kind, string name, Action<JsonObject> change) =>
        await ReplaceAsync(await ResourceAsync(apiVersion, kind), name, subresource: "", change);

    public override async Task WriteStatusAsync(string apiVersion, string kind, string name, JsonObject status)
    {
        var r = await ResourceAsync(apiVersion, kind);
        await ReplaceAsync(r, name, r.HasStatus ? "/status" : "", o => o["status"] = WithoutNulls(status));
    }

    public override Task ControllerReportsAsync(string apiVersion, string kind, string name, JsonObject status) =>
        plane.HasControllers
            ? WaitForAsync(apiVersion, kind, name, o => status.All(kv => JsonNode.DeepEquals(o?["status"]?[kv.Key], kv.Value)), $"{kind} {name}: kube-controller-manager reports {status.ToJsonString()}")
            : base.ControllerReportsAsync(apiVersion, kind, name, status);

    public override async Task<bool> DeleteAsync(string apiVersion, string kind, string name)
    {
        var r = await ResourceAsync(apiVersion, kind);
        var response = await Api.SendAsync(HttpMethod.Delete, r.Item(Namespace, name));
        return response.Code == 404 ? false : response.Code == 200 ? true : throw new KubeHttpException(HttpMethod.Delete, r.Item(Namespace, name), response);
    }

    public override Task RestartApiServerAsync() => plane.RestartApiServerAsync();

    public override async ValueTask DisposeAsync()
    {
        // Namespace deletion finishes in the background (~5 s); the control plane goes at the end of the run anyway.
        foreach (var path in clusterScoped.Append($"/api/v1/namespaces/{Namespace}"))
        {
            await Api.SendAsync(HttpMethod.Delete, path);
        }
    }

    /// <summary>Reads, changes and writes back (PUT) until no one else wrote in between.</summary>
    private async Task<JsonObject> ReplaceAsync(RealResource r, string name, string subresource, Action<JsonObject> change)
    {
        var path = r.Item(Namespace, name);
        for (var attempt = 1; ; attempt++)
        {
            var current = await Api.RequestAsync(HttpMethod.Get, path);
            change(current);
            var response = await Api.SendAsync(HttpMethod.Put, path + subresource, current.ToJsonString(KubeHttp.DeepWriting));
            if (response.Code == 200 && response.Body is JsonObject written)
            {
                return written;
            }

            if (response.Code != 409 || attempt == Attempts)
            {
                throw new KubeHttpException(HttpMethod.Put, path + subresource, response);
            }
        }
    }
}
