using System.Diagnostics;
using System.Text;

namespace MqttKube.Tests.EndToEnd;

/// <summary>A program run as its own process, its output collected, stopped with SIGTERM.</summary>
internal sealed class ChildProcess : IAsyncDisposable
{
    private readonly Process process;
    private readonly StringBuilder output = new();
    private readonly TaskCompletionSource<string> firstLine = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private ChildProcess(Process process)
    {
        this.process = process;
        process.OutputDataReceived += (_, e) => Append(e.Data, line: true);
        process.ErrorDataReceived += (_, e) => Append(e.Data, line: false);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public string Output
    {
        get
        {
            lock (output)
            {
                return output.ToString();
            }
        }
    }

    public bool HasExited => process.HasExited;

    public int ExitCode => process.ExitCode;

    public static ChildProcess Start(string fileName, IEnumerable<string> arguments, IDictionary<string, string>? environment = null)
    {
        var info = new ProcessStartInfo(fileName) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            info.Environment[key] = value;
        }

        return new ChildProcess(Process.Start(info) ?? throw new InvalidOperationException("cannot start " + fileName));
    }

    /// <summary>The first line the program wrote to standard output.</summary>
    public async Task<string> FirstLineAsync() => await firstLine.Task.WaitAsync(TimeSpan.FromSeconds(30));

    public void Terminate()
    {
        using var kill = Process.Start("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        kill?.WaitForExit();
    }

    /// <summary>SIGKILL: no goodbye, no clean disconnect (the broker fires the last will).</summary>
    public void Kill() => process.Kill();

    public async Task<bool> WaitForExitAsync(TimeSpan timeout)
    {
        try
        {
            await process.WaitForExitAsync().WaitAsync(timeout);
            return true;
        }
        catch (TimeoutException)
        {
            return false;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        process.Dispose();
    }

    private void Append(string? data, bool line)
    {
        if (data is null)
        {
            return;
        }

        lock (output)
        {
            output.AppendLine(data);
        }

        if (line)
        {
            firstLine.TrySetResult(data);
        }
    }
}
