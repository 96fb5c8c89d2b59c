using System.Globalization;

namespace MqttKube.Benchmarks.Service;

internal sealed partial class ServiceBenchmark
{
    private const int WarmupSamples = 20;

    /// <summary>
    /// MQTT command → PATCH received by the fake API server: one QoS 1 command at a time, each to the next binding,
    /// each a new replica count (so every command is written).
    /// </summary>
    private async Task CommandLatencyAsync(Started service, BenchCluster cluster)
    {
        var samples = new List<double>();
        for (var s = 0; s < WarmupSamples + LatencySamples; s++)
        {
            var i = s % cluster.Bindings;
            var patched = cluster.ExpectPatch(i);
            var sent = System.Diagnostics.Stopwatch.GetTimestamp();
            await service.Client.PublishAsync($"{service.Prefix}/{BenchCluster.Name(i)}/set", (s + 1).ToString(CultureInfo.InvariantCulture));
            var at = await Within(patched, $"PATCH of {BenchCluster.Name(i)}", service);
            if (s >= WarmupSamples)
            {
                samples.Add(Measures.Milliseconds(at - sent));
            }
        }

        AddLatencyRows("MQTT command → PATCH received", samples);
    }

    /// <summary>A watch event (the fake store changes status.availableReplicas) → the new value received on MQTT.</summary>
    private async Task EventLatencyAsync(Started service, BenchCluster cluster)
    {
        var samples = new List<double>();
        for (var s = 0; s < WarmupSamples + LatencySamples; s++)
        {
            var i = s % cluster.Bindings;
            var value = 1000 + s;
            var received = service.Client.Expect($"{service.Prefix}/{BenchCluster.Name(i)}/state", value.ToString(CultureInfo.InvariantCulture));
            var changed = System.Diagnostics.Stopwatch.GetTimestamp();
            cluster.SetAvailable(i, value);
            var at = await Within(received, $"state {value} of {BenchCluster.Name(i)}", service);
            if (s >= WarmupSamples)
            {
                samples.Add(Measures.Milliseconds(at - changed));
            }
        }

        AddLatencyRows("watch event → MQTT publish received", samples);
    }

    private void AddLatencyRows(string what, List<double> samples)
    {
        samples.Sort();
        var p50 = Measures.Percentile(samples, 50);
        var p99 = Measures.Percentile(samples, 99);
        table.Add(null, $"{what}, p50 ({samples.Count} samples, {SmallBindings} bindings)", Measures.Ms(p50), "");
        table.Add(p99 <= 5, $"{what}, p99", Measures.Ms(p99), "≤ 5 ms");
    }

    private static async Task<long> Within(Task<long> task, string what, Started service)
    {
        try
        {
            return await task.WaitAsync(TimeSpan.FromSeconds(10));
        }
        catch (TimeoutException)
        {
            throw new InvalidOperationException($"no {what} within 10 s:\n{service.Process.Tail}");
        }
    }
}
