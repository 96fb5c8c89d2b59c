using MqttKube.Benchmarks.Report;

namespace MqttKube.Benchmarks.Service;

/// <summary>
/// The distribution benchmarks: the published executable as its own process, a Mosquitto broker, the fake API
/// server in this process. One table, one run.
/// </summary>
internal sealed partial class ServiceBenchmark(string executable)
{
    public const int StartRuns = 5;
    public const int LatencySamples = 500;
    public const int SmallBindings = 10;
    public const int LargeBindings = 1000;

    private readonly ResultTable table = new("Service (published NativeAOT executable, Mosquitto, in-process fake API server, loopback)", "Measure", "Result", "Target");

    public async Task<ResultTable> RunAsync()
    {
        var size = new FileInfo(executable).Length;
        table.Add(size <= 15_000_000, "executable size", $"{Measures.MB(size)} ({Measures.Count(size)} bytes)", "≤ 15 MB (12 MB stretch)");

        await using var broker = await BenchBroker.StartAsync();
        await using (var cluster = await BenchCluster.StartAsync(SmallBindings))
        {
            var runs = new List<Started>();
            for (var run = 0; run < StartRuns; run++)
            {
                var started = await StartAsync(broker, cluster);
                runs.Add(started);
                if (run < StartRuns - 1)
                {
                    await StopAsync(started);
                }
            }

            AddStartRows(runs);
            var service = runs[^1];
            await IdleAsync();
            var rss = service.Process.ResidentBytes();
            table.Add(rss <= 30_000_000, $"RSS idle, {SmallBindings} bindings", Measures.MB(rss), "≤ 30 MB");
            await CommandLatencyAsync(service, cluster);
            await EventLatencyAsync(service, cluster);
            await StopAsync(service);
        }

        await using (var cluster = await BenchCluster.StartAsync(LargeBindings))
        {
            var service = await StartAsync(broker, cluster);
            table.Add(null, $"start → every watch value published, {LargeBindings} bindings", Measures.Ms(service.WatchesMs), "");
            await IdleAsync();
            var rss = service.Process.ResidentBytes();
            table.Add(rss <= 80_000_000, $"RSS idle, {LargeBindings} bindings", Measures.MB(rss), "≤ 80 MB");
            await ThroughputAsync(service, cluster, broker);
            table.Add(null, $"RSS after the sustained run, {LargeBindings} bindings", Measures.MB(service.Process.ResidentBytes()), "");
            await StopAsync(service);
        }

        return table;
    }

    private void AddStartRows(List<Started> runs)
    {
        var runsText = $"median of {runs.Count} starts, {SmallBindings} bindings";
        var connected = Measures.Median(runs.Select(r => r.ConnectedMs));
        var watches = Measures.Median(runs.Select(r => r.WatchesMs));
        table.Add(null, $"start → MQTT connected ({runsText})", Measures.Ms(connected), "");
        if (runs.All(r => r.ReadyzMs is not null))
        {
            var ready = Measures.Median(runs.Select(r => r.ReadyzMs!.Value));
            table.Add(ready <= 100, $"start → `/readyz` 200 ({runsText})", Measures.Ms(ready), "≤ 100 ms");
            table.Add(null, $"start → every watch value published ({runsText})", Measures.Ms(watches), "");
        }
        else
        {
            table.Add(watches <= 100, $"start → ready: every watch value published (no `/readyz` in this build; {runsText})", Measures.Ms(watches), "≤ 100 ms");
        }
    }

    /// <summary>Lets the service settle (timers, the first GCs) before its memory is read.</summary>
    private static Task IdleAsync() => Task.Delay(TimeSpan.FromSeconds(3));

    private Task<Started> StartAsync(BenchBroker broker, BenchCluster cluster) =>
        ServiceLauncher.StartAsync(executable, broker, cluster.Kubeconfig,
            (prefix, httpPort) => cluster.WriteConfig(prefix.Replace('/', '-') + ".yaml", broker.Port, prefix, httpPort),
            Enumerable.Range(0, cluster.Bindings).Select(i => $"{BenchCluster.Name(i)}/state"));

    private static Task StopAsync(Started started) => ServiceLauncher.StopAsync(started);
}
