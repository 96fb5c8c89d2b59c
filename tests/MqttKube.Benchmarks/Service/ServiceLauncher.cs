using System.Diagnostics;

namespace MqttKube.Benchmarks.Service;

/// <summary>
/// Starts the published executable on a fresh topic prefix (so no retained or late message of an earlier start counts)
/// and waits until every watch topic has its first value; also times <c>/readyz</c>'s first 200.
/// </summary>
internal static class ServiceLauncher
{
    /// <param name="writeConfig">Writes the config for (topic prefix, HTTP port) and returns its path.</param>
    /// <param name="stateTopics">The watch topics, below the prefix, that must each receive a first value.</param>
    public static async Task<Started> StartAsync(
        string executable, BenchBroker broker, string kubeconfig, Func<string, int, string> writeConfig, IEnumerable<string> stateTopics, bool keepLog = false)
    {
        var prefix = "bench/" + Guid.NewGuid().ToString("N")[..8];
        var client = await BenchClient.ConnectAsync(broker.Port, prefix + "/#");
        var httpPort = BenchBroker.FreePort();
        var config = writeConfig(prefix, httpPort);
        var process = ServiceProcess.Start(executable, config, kubeconfig, keepLog);
        using var watchesDone = new CancellationTokenSource();
        var readyz = PollReadyzAsync(httpPort, watchesDone.Token);
        var deadline = Stopwatch.StartNew();
        long last = 0;
        foreach (var topic in stateTopics.Select(t => $"{prefix}/{t}"))
        {
            long seen;
            while (!client.TryFirstSeen(topic, out seen))
            {
                if (process.HasExited || deadline.Elapsed > TimeSpan.FromSeconds(60))
                {
                    await process.DisposeAsync();
                    await client.DisposeAsync();
                    throw new InvalidOperationException($"the service did not publish {topic}:\n{process.Tail}");
                }

                await Task.Delay(1);
            }

            last = Math.Max(last, seen);
        }

        // /readyz gets 3 s more than the watches took, then counts as absent.
        watchesDone.CancelAfter(TimeSpan.FromSeconds(3));
        var readyAt = await readyz;
        client.TryFirstSeen(prefix + "/status", out var connectedAt);
        return new Started(process, prefix, client, httpPort,
            Measures.Milliseconds(connectedAt - process.StartedAt),
            Measures.Milliseconds(last - process.StartedAt),
            readyAt is { } r ? Measures.Milliseconds(r - process.StartedAt) : null);
    }

    public static async Task StopAsync(Started started)
    {
        await started.Process.DisposeAsync();
        await started.Client.DisposeAsync();
    }

    /// <summary>The value of a counter or gauge of the service's <c>/metrics</c> (summed over its labels), null when absent.</summary>
    public static async Task<double?> MetricAsync(Started started, string name)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var text = await http.GetStringAsync(new Uri($"http://127.0.0.1:{started.HttpPort}/metrics"));
        double? sum = null;
        foreach (var line in text.Split('\n'))
        {
            if (line.StartsWith(name, StringComparison.Ordinal) && line.Length > name.Length && line[name.Length] is ' ' or '{')
            {
                sum = (sum ?? 0) + double.Parse(line[(line.LastIndexOf(' ') + 1)..], System.Globalization.CultureInfo.InvariantCulture);
            }
        }

        return sum;
    }

    private static async Task<long?> PollReadyzAsync(int port, CancellationToken giveUp)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(1) };
        var url = new Uri($"http://127.0.0.1:{port}/readyz");
        while (!giveUp.IsCancellationRequested)
        {
            try
            {
                using var response = await http.GetAsync(url, giveUp);
                if (response.IsSuccessStatusCode)
                {
                    return Stopwatch.GetTimestamp();
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                // not listening yet, or not ready
            }

            await Task.Delay(1, CancellationToken.None);
        }

        return null;
    }
}
