using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using MqttKube.Benchmarks.Service;

namespace MqttKube.Benchmarks.Real;

internal sealed partial class RealBenchmark
{
    public const int RoundTripSamples = 500;
    public const int NagleSamples = 40;
    private const int WarmupSamples = 20;

    /// <summary>spec.replicas of each Deployment as last written: every command and patch writes the other of 1 and 2.</summary>
    private readonly Dictionary<int, int> replicas = [];

    /// <summary>One timed command: the whole round trip, and the part up to the event on the benchmark's own watch.</summary>
    private readonly record struct Sample(double Total, double ToEvent, int ForeignEvents);

    private int NextValue(int i) => replicas[i] = replicas.GetValueOrDefault(i) == 1 ? 2 : 1;

    /// <summary>
    /// The floor: a raw JSON Patch of spec.replicas on a kept-alive HTTP/2 connection (the product's own handler), timed
    /// from just before the request to its event's arrival on a watch; one at a time, round-robin over the Deployments.
    /// </summary>
    private async Task<(double P50, double P90)> FloorAsync(RealCluster cluster, EventWatch watch)
    {
        var samples = new List<double>();
        for (var s = 0; s < WarmupSamples + RoundTripSamples; s++)
        {
            var i = s % SmallBindings;
            var (ns, name) = (BenchCluster.Namespace(i, SmallBindings), BenchCluster.Name(i));
            var value = NextValue(i);
            var seen = watch.Expect(ns, name, value);
            var sent = Stopwatch.GetTimestamp();
            var patch = new JsonArray(new JsonObject { ["op"] = "replace", ["path"] = "/spec/replicas", ["value"] = value });
            await cluster.Api.SendAsync(HttpMethod.Patch, $"/apis/apps/v1/namespaces/{ns}/deployments/{name}", patch, "application/json-patch+json", CancellationToken.None);
            var at = await Within(seen, $"the event of {ns}/{name} = {value}", null);
            if (s >= WarmupSamples)
            {
                samples.Add(Measures.Milliseconds(at - sent));
            }
        }

        samples.Sort();
        var floor = (Measures.Percentile(samples, 50), Measures.Percentile(samples, 90));
        table.Add(null, $"floor: raw JSON Patch → its watch event, p50 / p90 ({samples.Count} one at a time, {SmallBindings} Deployments, kept-alive HTTP/2)",
            $"{Measures.Ms(floor.Item1)} / {Measures.Ms(floor.Item2)}", "");
        return floor;
    }

    /// <summary>
    /// MQTT command (QoS 1) → the service's guarded JSON Patch → watch event → the state published → received by the
    /// benchmark's client; back to back, round-robin over the bindings, each command a change.
    /// </summary>
    private async Task RoundTripAsync(Started service, EventWatch watch, (double P50, double P90) floor)
    {
        var conflictsBefore = await ServiceLauncher.MetricAsync(service, "mqtt_kube_patch_conflicts_total");
        var samples = await CommandsAsync(service, watch, WarmupSamples + RoundTripSamples);
        var conflicts = await ServiceLauncher.MetricAsync(service, "mqtt_kube_patch_conflicts_total") - conflictsBefore;
        samples = samples[WarmupSamples..];
        var totals = samples.Select(s => s.Total).Order().ToList();
        var (p50, p90) = (Measures.Percentile(totals, 50), Measures.Percentile(totals, 90));
        var what = $"{samples.Count} back to back, {SmallBindings} bindings";
        table.Add(p50 <= floor.P50 + 1, $"round trip MQTT command → PATCH → watch event → MQTT state, p50 ({what})", Measures.Ms(p50), $"≤ floor + 1 ms ({Measures.Ms(floor.P50 + 1)})");
        table.Add(p90 <= 10, "round trip, p90", Measures.Ms(p90), "≤ 10 ms");
        var toEvent = samples.Select(s => s.ToEvent).Order().ToList();
        table.Add(null, "of which command → the PATCH's watch event (benchmark's own watch), p50 / p90",
            $"{Measures.Ms(Measures.Percentile(toEvent, 50))} / {Measures.Ms(Measures.Percentile(toEvent, 90))}", "");
        table.Add(null, "patch conflicts during the round trips (`mqtt_kube_patch_conflicts_total`; a stale cached copy, re-read)",
            conflicts is { } c ? Measures.Count(c) : "not exported by this build", "");
        var slow = samples.Where(s => s.Total > p50 + 5).ToList();
        table.Add(null, $"commands over p50 + 5 ms / of them with a controller write on the object since its last command",
            $"{slow.Count} / {slow.Count(s => s.ForeignEvents > 0)}", "");
        foreach (var s in samples.OrderByDescending(s => s.Total).Take(10))
        {
            Console.WriteLine($"slow round trip: {s.Total:0.00} ms, to event {s.ToEvent:0.00} ms, controller events since the last command {s.ForeignEvents}");
        }
    }

    /// <summary>The same round trip through a broker with Mosquitto's default (Nagle's algorithm on).</summary>
    private async Task NagleAsync(RealCluster cluster, EventWatch watch)
    {
        await using var nagle = await BenchBroker.StartAsync(nagle: true);
        var service = await StartAsync(nagle, cluster, SmallBindings);
        var samples = (await CommandsAsync(service, watch, WarmupSamples + NagleSamples))[WarmupSamples..].Select(s => s.Total).Order().ToList();
        await ServiceLauncher.StopAsync(service);
        table.Add(null, $"round trip p50 with Mosquitto's default `set_tcp_nodelay false` ({samples.Count} back to back)", Measures.Ms(Measures.Percentile(samples, 50)), "");
    }

    private async Task<List<Sample>> CommandsAsync(Started service, EventWatch watch, int count)
    {
        var samples = new List<Sample>();
        var seenAfter = new Dictionary<int, int>();
        for (var s = 0; s < count; s++)
        {
            var i = s % SmallBindings;
            var (ns, name) = (BenchCluster.Namespace(i, SmallBindings), BenchCluster.Name(i));
            var value = NextValue(i);
            var text = value.ToString(CultureInfo.InvariantCulture);
            var state = service.Client.Expect($"{service.Prefix}/{name}/state", text);
            var seen = watch.Expect(ns, name, value);
            var foreign = watch.EventsOf(ns, name) - seenAfter.GetValueOrDefault(i, watch.EventsOf(ns, name));
            var sent = Stopwatch.GetTimestamp();
            await service.Client.PublishAsync($"{service.Prefix}/{name}/set", text);
            var at = await Within(state, $"state {text} of {name}", service);
            var eventAt = await Within(seen, $"the event of {ns}/{name} = {value}", service);
            seenAfter[i] = watch.EventsOf(ns, name);
            samples.Add(new Sample(Measures.Milliseconds(at - sent), Measures.Milliseconds(eventAt - sent), foreign));
        }

        return samples;
    }

    private static async Task<long> Within(Task<long> task, string what, Started? service)
    {
        try
        {
            return await task.WaitAsync(TimeSpan.FromSeconds(10));
        }
        catch (TimeoutException)
        {
            throw new InvalidOperationException($"no {what} within 10 s" + (service is null ? "" : ":\n" + service.Process.Tail));
        }
    }
}
