using MqttKube.Benchmarks.Report;
using MqttKube.Benchmarks.Service;

namespace MqttKube.Benchmarks.Real;

/// <summary>
/// The published executable against a real kube-apiserver (<c>../shared/k8s</c>, TLS, HTTP/2, RBAC, a controller
/// manager writing Deployment status) and Mosquitto with <c>set_tcp_nodelay true</c>: the round trip against its floor,
/// start-up (with a step-by-step breakdown) and idle memory with 10 and 1,000 bindings. Skipped, with a note, when
/// <c>../shared/k8s</c> is absent.
/// </summary>
internal sealed partial class RealBenchmark(string executable)
{
    public const int SmallBindings = 10;
    public const int LargeBindings = 1000;
    public const int StartRuns = 5;

    private readonly ResultTable table = new(
        "Service on a real API server (kube-apiserver v1.26 of `../shared/k8s`: TLS, HTTP/2, client certificate; Mosquitto with `set_tcp_nodelay true`)",
        "Measure", "Result", "Target");

    private readonly ResultTable steps = new(
        $"Start-up on the real API server, step by step ({SmallBindings} bindings; times from the service's DEBUG log, ms since the process was started)",
        "Step", "At", "Note");

    public async Task<IReadOnlyList<ResultTable>> RunAsync()
    {
        if (RealCluster.Missing is { } missing)
        {
            table.Add(null, "every measure of this table", missing, "");
            return [table];
        }

        await using var cluster = await RealCluster.StartAsync();
        await cluster.CreateDeploymentsAsync(SmallBindings);
        await using var broker = await BenchBroker.StartAsync();
        await using (var watch = await EventWatch.StartAsync(cluster.Api))
        {
            var floor = await FloorAsync(cluster, watch);
            var runs = new List<Started>();
            for (var run = 0; run < StartRuns; run++)
            {
                runs.Add(await StartAsync(broker, cluster, SmallBindings));
                if (run < StartRuns - 1)
                {
                    await ServiceLauncher.StopAsync(runs[^1]);
                }
            }

            AddStartRows(runs, SmallBindings);
            var service = runs[^1];
            await IdleAsync();
            var rss = service.Process.ResidentBytes();
            table.Add(rss <= 25_000_000, $"RSS idle, {SmallBindings} bindings", Measures.MB(rss), "≤ 25 MB");
            await RoundTripAsync(service, watch, floor);
            await ServiceLauncher.StopAsync(service);

            await BreakdownAsync(broker, cluster);
            await NagleAsync(cluster, watch);
        }

        await cluster.CreateDeploymentsAsync(LargeBindings, from: SmallBindings);
        var large = await StartAsync(broker, cluster, LargeBindings);
        table.Add(null, $"start → every watch value published, {LargeBindings} bindings", Measures.Ms(large.WatchesMs), "");
        await IdleAsync();
        table.Add(null, $"RSS idle, {LargeBindings} bindings", Measures.MB(large.Process.ResidentBytes()), "");
        await ServiceLauncher.StopAsync(large);
        return [table, steps];
    }

    private void AddStartRows(List<Started> runs, int bindings)
    {
        var connected = Measures.Median(runs.Select(r => r.ConnectedMs));
        var watches = Measures.Median(runs.Select(r => r.WatchesMs));
        var spread = $"{Measures.Ms(runs.Min(r => r.WatchesMs))} – {Measures.Ms(runs.Max(r => r.WatchesMs))}";
        table.Add(null, $"start → MQTT connected (median of {runs.Count} starts, {bindings} bindings)", Measures.Ms(connected), "");
        table.Add(watches <= 60, $"start → every watch value published (median of {runs.Count} starts, {bindings} bindings; range {spread})", Measures.Ms(watches), "≤ 60 ms");
    }

    /// <summary>Lets the service settle (timers, the first GCs) before its memory is read.</summary>
    private static Task IdleAsync() => Task.Delay(TimeSpan.FromSeconds(3));

    private Task<Started> StartAsync(BenchBroker broker, RealCluster cluster, int bindings, bool debug = false) =>
        ServiceLauncher.StartAsync(executable, broker, cluster.Kubeconfig,
            (prefix, httpPort) => BenchConfig.Write(Path.Combine(cluster.Directory, prefix.Replace('/', '-') + ".yaml"), broker.Port, prefix, httpPort, bindings, "spec.replicas", debug ? "DEBUG" : "INFO"),
            Enumerable.Range(0, bindings).Select(i => $"{BenchCluster.Name(i)}/state"),
            keepLog: debug);
}
