using System.Diagnostics;
using System.Globalization;

namespace MqttKube.Benchmarks.Service;

/// <summary>
/// The published executable run as its own process (<c>mqtt-kube run CONFIG</c>); its output kept in a short tail, or
/// whole when asked (for the start-up breakdown, read from the log lines' timestamps).
/// </summary>
internal sealed class ServiceProcess : IAsyncDisposable
{
    private readonly Process process;
    private readonly Queue<string> tail = new();
    private readonly List<string>? lines;

    private ServiceProcess(Process process, long startedAt, DateTime startedAtUtc, bool keepAll)
    {
        this.process = process;
        StartedAt = startedAt;
        StartedAtUtc = startedAtUtc;
        lines = keepAll ? [] : null;
        process.OutputDataReceived += (_, e) => Keep(e.Data);
        process.ErrorDataReceived += (_, e) => Keep(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    /// <summary>The <see cref="Stopwatch.GetTimestamp"/> taken just before the process was started.</summary>
    public long StartedAt { get; }

    /// <summary>The wall clock just before the process was started (the service's log lines carry UTC times).</summary>
    public DateTime StartedAtUtc { get; }

    public bool HasExited => process.HasExited;

    public int Id => process.Id;

    /// <summary>The last lines the service wrote, for error messages.</summary>
    public string Tail
    {
        get
        {
            lock (tail)
            {
                return string.Join('\n', tail);
            }
        }
    }

    /// <summary>Every line the service wrote so far (empty unless started with <c>keepAll</c>).</summary>
    public IReadOnlyList<string> Lines
    {
        get
        {
            lock (tail)
            {
                return lines is null ? [] : [.. lines];
            }
        }
    }

    public static ServiceProcess Start(string executable, string config, string kubeconfig, bool keepAll = false)
    {
        var info = new ProcessStartInfo(executable) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        info.ArgumentList.Add("run");
        info.ArgumentList.Add(config);
        info.Environment["KUBECONFIG"] = kubeconfig;
        foreach (var (key, value) in Environment.GetEnvironmentVariables().Cast<System.Collections.DictionaryEntry>().Select(e => ((string)e.Key, (string?)e.Value)))
        {
            // BENCH_SERVICE_X=V sets X=V for the service only (e.g. GC settings, for experiments).
            if (key.StartsWith("BENCH_SERVICE_", StringComparison.Ordinal))
            {
                info.Environment[key["BENCH_SERVICE_".Length..]] = value;
            }
        }

        var startedAtUtc = DateTime.UtcNow;
        var startedAt = Stopwatch.GetTimestamp();
        var process = Process.Start(info) ?? throw new InvalidOperationException("cannot start " + executable);
        return new ServiceProcess(process, startedAt, startedAtUtc, keepAll);
    }

    /// <summary>Resident set size (VmRSS of /proc/PID/status) in bytes.</summary>
    public long ResidentBytes()
    {
        foreach (var line in File.ReadLines($"/proc/{process.Id}/status"))
        {
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
            {
                return long.Parse(line["VmRSS:".Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) * 1024;
            }
        }

        throw new InvalidOperationException("no VmRSS in /proc/PID/status");
    }

    /// <summary>SIGTERM, then waits for the clean stop (killed after 10 s).</summary>
    public async Task StopAsync()
    {
        if (process.HasExited)
        {
            return;
        }

        using (var kill = Process.Start("kill", ["-TERM", process.Id.ToString(CultureInfo.InvariantCulture)]))
        {
            await kill!.WaitForExitAsync();
        }

        try
        {
            await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(10));
        }
        catch (TimeoutException)
        {
            process.Kill();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        process.Dispose();
    }

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (tail)
        {
            lines?.Add(line);
            tail.Enqueue(line);
            if (tail.Count > 40)
            {
                tail.Dequeue();
            }
        }
    }
}
