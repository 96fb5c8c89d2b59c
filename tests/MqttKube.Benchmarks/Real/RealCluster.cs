using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using MqttKube.Benchmarks.Micro;
using MqttKube.Benchmarks.Service;
using MqttKube.Kubernetes;

namespace MqttKube.Benchmarks.Real;

/// <summary>
/// A real control plane (kube-apiserver, kube-controller-manager, etcd) started by <c>../shared/k8s/up.sh</c> into a
/// temporary folder and stopped by <c>down.sh</c>; the benchmark talks to it through the product's own connection
/// (<see cref="KubeConnection"/>: the same handler, TLS and HTTP/2 settings as the service).
/// </summary>
internal sealed class RealCluster : IAsyncDisposable
{
    public const string DirectoryPrefix = "mqtt-kube-bench-k8s-";

    private RealCluster(string directory, KubeConnection connection)
    {
        Directory = directory;
        Connection = connection;
        Api = new KubeApi(connection);
    }

    public string Directory { get; }

    public string Kubeconfig => Path.Combine(Directory, "kubeconfig");

    public KubeConnection Connection { get; }

    public KubeApi Api { get; }

    /// <summary>The folder with up.sh and down.sh: <c>$MQTTKUBE_SHARED_K8S</c>, else <c>../shared/k8s</c> beside the checkout.</summary>
    public static string Scripts => Environment.GetEnvironmentVariable("MQTTKUBE_SHARED_K8S") is { Length: > 0 } dir
        ? Path.GetFullPath(dir)
        : Path.GetFullPath(MicroFixtures.RepoFile(Path.Combine("..", "shared", "k8s")));

    /// <summary>Why the real-cluster measures are skipped (no up.sh), or null.</summary>
    public static string? Missing => File.Exists(Path.Combine(Scripts, "up.sh"))
        ? null
        : $"needs ../shared/k8s (a real kube-apiserver, see its README; MQTTKUBE_SHARED_K8S may name another folder): {Path.Combine(Scripts, "up.sh")} does not exist; skipped";

    public static async Task<RealCluster> StartAsync()
    {
        var directory = System.IO.Directory.CreateTempSubdirectory(DirectoryPrefix).FullName;
        Console.WriteLine($"starting a real control plane in {directory}");
        var (code, output) = await RunAsync("up.sh", directory, TimeSpan.FromMinutes(5));
        if (code != 0)
        {
            await RunAsync("down.sh", directory, TimeSpan.FromMinutes(1));
            throw new InvalidOperationException($"up.sh {directory} failed (exit {code}):\n{output}");
        }

        var kubeconfig = Path.Combine(directory, "kubeconfig");
        var environment = new KubeEnvironment(name => name == "KUBECONFIG" ? kubeconfig : null, null, "/nonexistent");
        return new RealCluster(directory, KubeConnectionFactory.Create(environment));
    }

    /// <summary>Namespaces bench-0 … bench-9 (as many as <paramref name="objects"/> spreads over) and Deployments app-0 … app-(n-1), 0 replicas.</summary>
    public async Task CreateDeploymentsAsync(int objects, int from = 0)
    {
        if (from == 0)
        {
            for (var n = 0; n < Math.Min(10, objects); n++)
            {
                await Api.SendAsync(HttpMethod.Post, "/api/v1/namespaces", new JsonObject { ["metadata"] = new JsonObject { ["name"] = BenchCluster.Namespace(n, objects) } }, null, CancellationToken.None);
            }
        }

        var clock = Stopwatch.StartNew();
        using var gate = new SemaphoreSlim(16);
        await Task.WhenAll(Enumerable.Range(from, objects - from).Select(async i =>
        {
            await gate.WaitAsync();
            try
            {
                var ns = BenchCluster.Namespace(i, objects);
                await Api.SendAsync(HttpMethod.Post, $"/apis/apps/v1/namespaces/{ns}/deployments", Deployment(BenchCluster.Name(i), ns), null, CancellationToken.None);
            }
            finally
            {
                gate.Release();
            }
        }));
        Console.WriteLine($"created {objects - from} Deployments in {clock.Elapsed.TotalSeconds:0.0} s");
    }

    public async ValueTask DisposeAsync()
    {
        Connection.Dispose();
        await RunAsync("down.sh", Directory, TimeSpan.FromMinutes(1));
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // a straggler still writes its log
        }
    }

    private static JsonObject Deployment(string name, string ns)
    {
        JsonObject Labels() => new() { ["app"] = name };
        return new JsonObject
        {
            ["apiVersion"] = "apps/v1",
            ["kind"] = "Deployment",
            ["metadata"] = new JsonObject { ["name"] = name, ["namespace"] = ns, ["labels"] = Labels() },
            ["spec"] = new JsonObject
            {
                ["replicas"] = 0,
                ["selector"] = new JsonObject { ["matchLabels"] = Labels() },
                ["template"] = new JsonObject
                {
                    ["metadata"] = new JsonObject { ["labels"] = Labels() },
                    ["spec"] = new JsonObject { ["containers"] = new JsonArray(new JsonObject { ["name"] = "app", ["image"] = "example/app:1" }) },
                },
            },
        };
    }

    private static async Task<(int Code, string Output)> RunAsync(string script, string directory, TimeSpan timeout)
    {
        var info = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(Path.Combine(Scripts, script));
        info.ArgumentList.Add(directory);
        using var process = Process.Start(info) ?? throw new InvalidOperationException("cannot start bash");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        try
        {
            await process.WaitForExitAsync().WaitAsync(timeout);
        }
        catch (TimeoutException)
        {
            process.Kill(entireProcessTree: true);
            return (-1, $"{script} did not finish within {timeout.TotalSeconds.ToString(CultureInfo.InvariantCulture)} s");
        }

        return (process.ExitCode, (await stdout) + (await stderr));
    }
}
