using System.Globalization;
using MqttKube.Benchmarks.Service;
using MqttKube.FakeKube;

namespace MqttKube.Benchmarks.Scale;

internal sealed partial class ScaleBenchmark
{
    /// <summary>
    /// Where the start-up goes: the API requests the service made (discovery aside), printed with their arrival, and
    /// the steps as rows without a target, in ms since the process was started: MQTT connected (the <c>status</c>
    /// topic's <c>online</c>), the list asked, the watch asked (the list answered and read: the watch follows it at
    /// once), the first and last value received by the benchmark's client, and the service's CPU time by then.
    /// </summary>
    private void StartupSteps(Started service, IReadOnlyList<RecordedRequest> requests, double cpuSeconds)
    {
        double At(long timestamp) => Measures.Milliseconds(timestamp - service.Process.StartedAt);
        Console.WriteLine("  API requests at start-up (discovery aside), ms since the process was started:");
        foreach (var request in requests)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"    {At(request.Timestamp),8:0.0} ms  {request}"));
        }

        var first = long.MaxValue;
        foreach (var topic in StateTopics())
        {
            if (service.Client.TryFirstSeen($"{service.Prefix}/{topic}", out var seen))
            {
                first = Math.Min(first, seen);
            }
        }

        var list = requests.FirstOrDefault(r => Describe(r) == "list");
        var watch = requests.FirstOrDefault(r => Describe(r) == "watch");
        table.Add(null, "of which: start → MQTT connected", Measures.Ms(service.ConnectedMs), "");
        if (list is not null)
        {
            table.Add(null, "of which: start → the list asked", Measures.Ms(At(list.Timestamp)), "");
        }

        if (watch is not null)
        {
            table.Add(null, "of which: start → the watch asked (the list answered and read)", Measures.Ms(At(watch.Timestamp)), "");
        }

        table.Add(null, "of which: start → first value received", Measures.Ms(At(first)), "");
        table.Add(null, "service CPU time from start to the last value", string.Create(CultureInfo.InvariantCulture, $"{cpuSeconds * 1000:0} ms"), "");
    }

    /// <summary>What a start-up request is for: <c>list</c> (a page), <c>watch</c>, <c>version</c>, else its method and path.</summary>
    private static string Describe(RecordedRequest request) =>
        request.IsWatch ? "watch"
        : request.Path == "/version" ? "version"
        : request.Method == "GET" && request.Path.EndsWith("/deployments", StringComparison.Ordinal) ? "list"
        : $"{request.Method} {request.Path}";

    /// <summary>The requests by what they are for, with counts: <c>list, watch</c>, <c>version, list ×2, watch</c>.</summary>
    private static string Summary(IReadOnlyList<RecordedRequest> requests) =>
        string.Join(", ", requests.GroupBy(Describe).Select(g => g.Count() == 1 ? g.Key : $"{g.Key} ×{g.Count()}"));
}
