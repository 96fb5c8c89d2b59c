using System.Diagnostics;
using System.Globalization;
using MqttKube.Benchmarks.Service;

namespace MqttKube.Benchmarks.Real;

internal sealed partial class RealBenchmark
{
    public const int BreakdownRuns = 3;

    /// <summary>What each step is, and how its log line is recognized (the first or the last such line counts).</summary>
    private static readonly (string Step, string Marker, bool Last, string Note)[] Markers =
    [
        ("first log line", "[service] mqtt-kube", false, "config read, kubeconfig and client certificate loaded"),
        ("MQTT connected", "[mqtt] Connected to", false, ""),
        ("API discovery done", "[kubernetes] Discovery:", false, ""),
        ("first binding running (its kind resolved)", " is running (", false, ""),
        ("every list answered", "[kubernetes] Listed ", true, ""),
        ("first watch value published", "[watch] published ", false, ""),
    ];

    /// <summary>
    /// Where start-up goes: <see cref="BreakdownRuns"/> starts at DEBUG, each step at the median of its log line's time;
    /// the process alone is timed by <c>mqtt-kube --version</c>.
    /// </summary>
    private async Task BreakdownAsync(BenchBroker broker, RealCluster cluster)
    {
        steps.Add(null, "process start → `mqtt-kube --version` has exited", Measures.Ms(await VersionMsAsync()), "the runtime's start and exit, median of 5");
        var starts = new List<(Started Run, IReadOnlyList<string> Lines)>();
        for (var run = 0; run < BreakdownRuns; run++)
        {
            var started = await StartAsync(broker, cluster, SmallBindings, debug: true);
            await Task.Delay(200); // the lines after the last publish
            starts.Add((started, started.Process.Lines));
            await ServiceLauncher.StopAsync(started);
        }

        foreach (var (step, marker, last, note) in Markers)
        {
            var times = starts.Select(s => At(s.Run, s.Lines, marker, last)).OfType<(double Ms, string Line)>().ToList();
            if (times.Count == 0)
            {
                steps.Add(null, step, "—", "no such log line in this build");
                continue;
            }

            var median = Measures.Median(times.Select(t => t.Ms));
            var detail = marker.Contains("Discovery", StringComparison.Ordinal) ? times[^1].Line[(times[^1].Line.IndexOf(marker, StringComparison.Ordinal) + marker.Length)..].Trim() : note;
            steps.Add(null, step, Measures.Ms(median), detail);
        }

        steps.Add(null, "every watch value received by the benchmark's client", Measures.Ms(Measures.Median(starts.Select(s => s.Run.WatchesMs))), $"median of {BreakdownRuns} starts at DEBUG");
    }

    private static (double Ms, string Line)? At(Started run, IReadOnlyList<string> lines, string marker, bool last)
    {
        var matching = lines.Where(l => l.Contains(marker, StringComparison.Ordinal) && l.Length > 23).ToList();
        if (matching.Count == 0)
        {
            return null;
        }

        var line = last ? matching[^1] : matching[0];
        var time = DateTime.ParseExact(line[..23], "yyyy-MM-dd'T'HH:mm:ss.fff", CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);
        return ((time - run.Process.StartedAtUtc).TotalMilliseconds, line);
    }

    private async Task<double> VersionMsAsync()
    {
        var times = new List<double>();
        for (var i = 0; i < 5; i++)
        {
            var info = new ProcessStartInfo(executable, "--version") { RedirectStandardOutput = true, UseShellExecute = false };
            var clock = Stopwatch.StartNew();
            using var process = Process.Start(info) ?? throw new InvalidOperationException("cannot start " + executable);
            await process.StandardOutput.ReadToEndAsync();
            await process.WaitForExitAsync();
            times.Add(clock.Elapsed.TotalMilliseconds);
        }

        return Measures.Median(times);
    }
}
