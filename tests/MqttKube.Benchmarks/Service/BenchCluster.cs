using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json.Nodes;
using MqttKube.FakeKube;

namespace MqttKube.Benchmarks.Service;

/// <summary>
/// The fake API server in this process, seeded with one Deployment per binding (spread over at most 10
/// namespaces), and the service's config and kubeconfig for it. PATCHes are counted and stamped as they arrive.
/// </summary>
internal sealed class BenchCluster : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, TaskCompletionSource<long>> patchWaiters = new(StringComparer.Ordinal);
    private long patches;

    private BenchCluster(FakeKubeServer kube, string directory, int bindings)
    {
        Kube = kube;
        Directory = directory;
        Bindings = bindings;
        kube.RequestRecorded += OnRequest;
    }

    public FakeKubeServer Kube { get; }

    public string Directory { get; }

    public int Bindings { get; }

    public string Kubeconfig => Path.Combine(Directory, "kubeconfig");

    /// <summary>PATCH requests received so far.</summary>
    public long Patches => Interlocked.Read(ref patches);

    public static async Task<BenchCluster> StartAsync(int bindings)
    {
        var kube = await FakeKubeServer.StartAsync();
        var directory = System.IO.Directory.CreateTempSubdirectory("mqtt-kube-bench-").FullName;
        for (var i = 0; i < bindings; i++)
        {
            kube.Upsert(Deployment(i, bindings));
        }

        await File.WriteAllTextAsync(Path.Combine(directory, "kubeconfig"), $$$"""
            apiVersion: v1
            kind: Config
            clusters: [{name: fake, cluster: {server: "{{{kube.BaseAddress.ToString().TrimEnd('/')}}}"}}]
            users: [{name: u, user: {token: bench}}]
            contexts: [{name: fake, context: {cluster: fake, user: u, namespace: default}}]
            current-context: fake
            """);
        return new BenchCluster(kube, directory, bindings);
    }

    public static string Namespace(int i, int bindings) => "bench-" + (i % Math.Min(10, bindings)).ToString(CultureInfo.InvariantCulture);

    public static string Name(int i) => "app-" + i.ToString(CultureInfo.InvariantCulture);

    /// <summary>Writes a config for the broker on <paramref name="brokerPort"/>: per binding a patch of spec.replicas and a watch of status.availableReplicas.</summary>
    public string WriteConfig(string file, int brokerPort, string prefix, int httpPort) =>
        BenchConfig.Write(Path.Combine(Directory, file), brokerPort, prefix, httpPort, Bindings, "status.availableReplicas");

    /// <summary>Completes with the arrival time of the next PATCH of deployment <paramref name="i"/>; register before triggering it.</summary>
    public Task<long> ExpectPatch(int i)
    {
        var waiter = new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously);
        patchWaiters[PatchPath(i)] = waiter;
        return waiter.Task;
    }

    /// <summary>Sets status.availableReplicas as the Deployment controller would.</summary>
    public void SetAvailable(int i, int available) =>
        Kube.Modify("apps/v1", "Deployment", Namespace(i, Bindings), Name(i), o => o["status"] = new JsonObject { ["availableReplicas"] = available });

    public async ValueTask DisposeAsync()
    {
        Kube.RequestRecorded -= OnRequest;
        await Kube.DisposeAsync();
        System.IO.Directory.Delete(Directory, recursive: true);
    }

    private string PatchPath(int i) => $"/apis/apps/v1/namespaces/{Namespace(i, Bindings)}/deployments/{Name(i)}";

    private void OnRequest(RecordedRequest request)
    {
        if (request.Method != "PATCH")
        {
            return;
        }

        Interlocked.Increment(ref patches);
        if (patchWaiters.TryRemove(request.Path, out var waiter))
        {
            waiter.TrySetResult(request.Timestamp);
        }
    }

    private static JsonObject Deployment(int i, int bindings)
    {
        var name = Name(i);
        var labels = new JsonObject { ["app"] = name };
        return new JsonObject
        {
            ["apiVersion"] = "apps/v1",
            ["kind"] = "Deployment",
            ["metadata"] = new JsonObject { ["name"] = name, ["namespace"] = Namespace(i, bindings), ["labels"] = labels.DeepClone() },
            ["spec"] = new JsonObject
            {
                ["replicas"] = 0,
                ["selector"] = new JsonObject { ["matchLabels"] = labels.DeepClone() },
                ["template"] = new JsonObject
                {
                    ["metadata"] = new JsonObject { ["labels"] = labels.DeepClone() },
                    ["spec"] = new JsonObject { ["containers"] = new JsonArray(new JsonObject { ["name"] = "app", ["image"] = $"example/{name}:1" }) },
                },
            },
            ["status"] = new JsonObject { ["availableReplicas"] = 0 },
        };
    }
}
