using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json.Nodes;
using MqttKube.Kubernetes;

namespace MqttKube.Benchmarks.Real;

/// <summary>
/// The benchmark's own watch of every Deployment, on its own kept-alive connection: each event is stamped on arrival
/// (<see cref="Stopwatch.GetTimestamp"/>), so a PATCH can be timed to its event, and the controller's status writes
/// between two commands can be counted.
/// </summary>
internal sealed class EventWatch : IAsyncDisposable
{
    private readonly ConcurrentDictionary<(string Key, long Replicas), TaskCompletionSource<long>> waiters = new();
    private readonly ConcurrentDictionary<string, int> events = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource stop = new();
    private readonly HttpResponseMessage response;
    private readonly Task loop;

    private EventWatch(HttpResponseMessage response)
    {
        this.response = response;
        loop = Task.Run(ReadAsync);
    }

    public static async Task<EventWatch> StartAsync(KubeApi api)
    {
        var list = await api.GetAsync("/apis/apps/v1/deployments?limit=1", CancellationToken.None);
        var rv = (string?)list["metadata"]?["resourceVersion"];
        var request = new HttpRequestMessage(HttpMethod.Get, new Uri($"/apis/apps/v1/deployments?watch=true&resourceVersion={rv}", UriKind.Relative));
        request.Headers.Accept.ParseAdd("application/json");
        var response = await api.Transport.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, CancellationToken.None);
        response.EnsureSuccessStatusCode();
        return new EventWatch(response);
    }

    /// <summary>Completes with the arrival time of the event that shows spec.replicas = <paramref name="replicas"/>; register before the change.</summary>
    public Task<long> Expect(string ns, string name, long replicas)
    {
        var waiter = new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously);
        waiters[($"{ns}/{name}", replicas)] = waiter;
        return waiter.Task;
    }

    /// <summary>Events received so far for one object (its own writes and the controller's).</summary>
    public int EventsOf(string ns, string name) => events.TryGetValue($"{ns}/{name}", out var n) ? n : 0;

    private async Task ReadAsync()
    {
        try
        {
            using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(stop.Token));
            while (await reader.ReadLineAsync(stop.Token) is { } line)
            {
                var now = Stopwatch.GetTimestamp();
                if (JsonNode.Parse(line)?["object"] is not JsonObject obj)
                {
                    continue;
                }

                var key = $"{obj["metadata"]?["namespace"]}/{obj["metadata"]?["name"]}";
                events.AddOrUpdate(key, 1, (_, n) => n + 1);
                if (obj["spec"]?["replicas"] is JsonValue replicas && waiters.TryRemove((key, replicas.GetValue<long>()), out var waiter))
                {
                    waiter.TrySetResult(now);
                }
            }
        }
        catch (Exception e) when (e is OperationCanceledException or IOException or HttpRequestException)
        {
            // stopped
        }
    }

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        response.Dispose();
        await loop;
        stop.Dispose();
    }
}
