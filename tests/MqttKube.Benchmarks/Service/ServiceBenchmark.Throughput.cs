using System.Diagnostics;
using System.Globalization;

namespace MqttKube.Benchmarks.Service;

internal sealed partial class ServiceBenchmark
{
    public const int SustainedCommands = 20_000;
    public const int SustainedWindow = 1_000;
    public static readonly TimeSpan SustainedLimit = TimeSpan.FromSeconds(30);

    /// <summary>
    /// QoS 1 commands round-robin over every binding, each a new replica count, kept at most
    /// <see cref="SustainedWindow"/> ahead of the PATCHes the fake server has received: commands per second is
    /// PATCHes received over the time from the first command to the last PATCH.
    /// </summary>
    private async Task ThroughputAsync(Started service, BenchCluster cluster, BenchBroker broker)
    {
        var cpu = (Service: Measures.CpuSeconds(service.Process.Id), Broker: Measures.CpuSeconds(broker.Id), Driver: Measures.CpuSeconds(Environment.ProcessId));
        Console.WriteLine($"sustained run starts: service pid {service.Process.Id}");
        var before = cluster.Patches;
        var clock = Stopwatch.StartNew();
        var acks = new List<Task>();
        var sent = 0;
        while (sent < SustainedCommands && clock.Elapsed < SustainedLimit)
        {
            if (sent - (cluster.Patches - before) >= SustainedWindow)
            {
                await Task.Delay(1);
                continue;
            }

            var i = sent % cluster.Bindings;
            var value = (sent / cluster.Bindings) + 1;
            acks.Add(service.Client.PublishAsync($"{service.Prefix}/{BenchCluster.Name(i)}/set", value.ToString(CultureInfo.InvariantCulture)));
            sent++;
            if (acks.Count >= 200)
            {
                await Task.WhenAll(acks);
                acks.Clear();
            }
        }

        await Task.WhenAll(acks);
        var lastCount = cluster.Patches - before;
        var lastAt = clock.Elapsed;
        while (lastCount < sent && clock.Elapsed < SustainedLimit + TimeSpan.FromSeconds(10))
        {
            await Task.Delay(1);
            if (cluster.Patches - before != lastCount)
            {
                lastCount = cluster.Patches - before;
                lastAt = clock.Elapsed;
            }
        }

        var rate = lastCount / lastAt.TotalSeconds;
        table.Add(rate >= 5000, $"sustained commands/s ({Measures.Count(lastCount)} of {Measures.Count(sent)} commands patched in {lastAt.TotalSeconds:0.0} s, {LargeBindings} bindings, QoS 1)", Measures.Count(rate), "≥ 5,000");
        table.Add(null, "CPU used during the sustained run (2 cores available)",
            $"service {Measures.CpuSeconds(service.Process.Id) - cpu.Service:0.0} s, benchmark driver (fake API server + MQTT client) {Measures.CpuSeconds(Environment.ProcessId) - cpu.Driver:0.0} s, "
            + $"Mosquitto {Measures.CpuSeconds(broker.Id) - cpu.Broker:0.0} s, over {lastAt.TotalSeconds:0.0} s", "");
    }
}
