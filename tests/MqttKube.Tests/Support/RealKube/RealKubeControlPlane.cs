using System.Diagnostics;

namespace MqttKube.Tests.Support.RealKube;

/// <summary>
/// One real control plane (kube-apiserver, kube-controller-manager, etcd) per test run, started by
/// <c>../shared/k8s/up.sh</c> into a temporary folder and stopped by <c>down.sh</c> when the collection ends. Its
/// binaries are <c>$KUBEBUILDER_ASSETS</c>'s when that names a folder with kube-apiserver and etcd (up.sh's choice),
/// else the ones bundled in <c>../shared/k8s</c>. Without <c>../shared/k8s</c> every test using it is skipped.
/// A killed test run leaves its control plane running: the next run stops it (see <see cref="CleanUpAbandoned"/>),
/// or by hand: <c>for d in /tmp/mqtt-kube-realkube-*; do ../shared/k8s/down.sh $d; rm -rf $d; done</c>.
/// </summary>
public sealed class RealKubeControlPlane : IAsyncLifetime
{
    public const string DirectoryPrefix = "mqtt-kube-realkube-";
    private const string OwnerFile = "owner.pid";
    private string? failure;
    private KubeHttp? api;

    /// <summary>The folder with up.sh, down.sh and restart-apiserver.sh: <c>$MQTTKUBE_SHARED_K8S</c>, else <c>../shared/k8s</c>.</summary>
    public static string Scripts => System.Environment.GetEnvironmentVariable("MQTTKUBE_SHARED_K8S") is { Length: > 0 } dir
        ? Path.GetFullPath(dir)
        : Path.Combine(RepoPaths.Shared, "k8s");

    /// <summary>Why the real-cluster tests skip, or null when they run.</summary>
    public string? Missing { get; private set; }

    /// <summary>The control plane's state folder (up.sh's DIR).</summary>
    public string Directory { get; private set; } = "";

    public RealKubeEnvironment Environment { get; private set; } = null!;

    /// <summary>A kube-controller-manager runs (workload status, garbage collection, service accounts).</summary>
    public bool HasControllers => Environment.ControllerManager;

    /// <summary>HTTP to the API server as its admin.</summary>
    public KubeHttp Api => api ?? throw new InvalidOperationException("the control plane is not running");

    /// <summary>Skips the calling test when there is no real control plane; fails it when one could not start.</summary>
    public void Require()
    {
        Skip.If(Missing is not null, Missing);
        if (failure is not null)
        {
            throw new InvalidOperationException(failure);
        }
    }

    public async Task InitializeAsync()
    {
        var up = Path.Combine(Scripts, "up.sh");
        if (!File.Exists(up))
        {
            Missing = $"needs ../shared/k8s (a real kube-apiserver and its up.sh, see its README; KUBEBUILDER_ASSETS may name the binaries it runs, MQTTKUBE_SHARED_K8S another folder); {up} does not exist; skipped";
            return;
        }

        CleanUpAbandoned();

        // Once more on failure: on a loaded machine a start has failed once in many (its folder and logs are kept
        // until the next run's clean-up, and named in the message).
        var failures = new List<string>();
        for (var attempt = 1; attempt <= 2 && api is null; attempt++)
        {
            var dir = System.IO.Directory.CreateTempSubdirectory(DirectoryPrefix).FullName;
            await File.WriteAllTextAsync(Path.Combine(dir, OwnerFile), System.Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture));
            var (code, output) = await RunAsync(up, [dir], TimeSpan.FromMinutes(5));
            if (code != 0)
            {
                failures.Add($"{up} {dir} failed (exit {code}; its logs are in {dir}/logs):\n{output}");
                continue;
            }

            Directory = dir;
            Environment = RealKubeEnvironment.Read(Path.Combine(Directory, "env"));
            api = KubeHttp.ForRealServer(Environment);
        }

        failure = api is null ? string.Join("\n", failures) : null;
    }

    /// <summary>Restarts kube-apiserver (and the controller-manager) on the same port, etcd's data kept.</summary>
    public async Task RestartApiServerAsync(int graceSeconds = 0)
    {
        var (code, output) = await RunAsync(Path.Combine(Scripts, "restart-apiserver.sh"), [Directory, graceSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture)], TimeSpan.FromMinutes(3));
        Assert.True(code == 0, $"restart-apiserver.sh failed (exit {code}):\n{output}");
        Environment = RealKubeEnvironment.Read(Path.Combine(Directory, "env"));
        var stale = api;
        api = KubeHttp.ForRealServer(Environment); // no pooled connection to the old process
        stale?.Dispose();
    }

    public async Task DisposeAsync()
    {
        api?.Dispose();
        if (Directory.Length > 0)
        {
            await StopAsync(Directory);
        }
    }

    /// <summary>Stops the control planes of earlier test runs that were killed before they could (their owner is gone).</summary>
    private static void CleanUpAbandoned()
    {
        foreach (var dir in new DirectoryInfo(Path.GetTempPath()).EnumerateDirectories(DirectoryPrefix + "*"))
        {
            var owner = Path.Combine(dir.FullName, OwnerFile);
            if (File.Exists(owner) && int.TryParse(File.ReadAllText(owner), out var pid) && !Alive(pid))
            {
                StopAsync(dir.FullName).GetAwaiter().GetResult();
            }
        }
    }

    private static bool Alive(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    private static async Task StopAsync(string directory)
    {
        await RunAsync(Path.Combine(Scripts, "down.sh"), [directory], TimeSpan.FromMinutes(1));
        try
        {
            System.IO.Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
            // a straggler still writes its log: the next run's clean-up retries
        }
    }

    /// <summary>Runs a script; its exit code and its output (stdout then stderr).</summary>
    private static async Task<(int Code, string Output)> RunAsync(string script, string[] arguments, TimeSpan timeout)
    {
        var info = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(script);
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        using var process = Process.Start(info) ?? throw new InvalidOperationException("cannot start bash");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        try
        {
            await process.WaitForExitAsync().WaitAsync(timeout);
        }
        catch (TimeoutException)
        {
            process.Kill(entireProcessTree: true);
            return (-1, $"{Path.GetFileName(script)} did not finish within {timeout.TotalSeconds:0} s");
        }

        return (process.ExitCode, (await stdout) + (await stderr));
    }
}
