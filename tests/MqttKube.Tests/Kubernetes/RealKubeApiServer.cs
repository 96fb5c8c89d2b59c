using System.Diagnostics;
using MqttKube.Tests.Support;

namespace MqttKube.Tests.Kubernetes;

/// <summary>
/// A real kube-apiserver (../shared/k8s/up.sh) for the connection tests, started once for the test class;
/// <see cref="RealKubeFactAttribute"/> skips the tests when ../shared/k8s is absent.
/// </summary>
public sealed class RealKubeApiServer : IAsyncLifetime
{
    public static string Scripts => Path.Combine(RepoPaths.Shared, "k8s");

    public static bool Available => File.Exists(Path.Combine(Scripts, "up.sh"));

    public string Dir { get; } = Directory.CreateTempSubdirectory("mqtt-kube-realkube").FullName;

    public string KubeConfigPath { get; private set; } = "";

    /// <summary>DIR/env: KUBE_APISERVER_URL, KUBE_TOKEN, KUBE_CA_FILE, KUBE_CLIENT_CERT_FILE, KUBE_CLIENT_KEY_FILE, ...</summary>
    public IReadOnlyDictionary<string, string> Env { get; private set; } = new Dictionary<string, string>();

    public Uri Url => new(Env["KUBE_APISERVER_URL"]);

    public async Task InitializeAsync()
    {
        if (!Available)
        {
            return;
        }

        var (code, stdout, stderr) = await RunAsync("up.sh");
        if (code != 0)
        {
            throw new InvalidOperationException($"../shared/k8s/up.sh failed ({code}):\n{stderr}");
        }

        KubeConfigPath = stdout.Trim();
        Env = File.ReadAllLines(Path.Combine(Dir, "env"))
            .Select(line => line.Split('=', 2))
            .Where(kv => kv.Length == 2)
            .ToDictionary(kv => kv[0], kv => kv[1].Trim('\'', '"'), StringComparer.Ordinal);
    }

    public async Task DisposeAsync()
    {
        if (Available)
        {
            await RunAsync("down.sh");
        }

        Directory.Delete(Dir, recursive: true);
    }

    private async Task<(int Code, string Stdout, string Stderr)> RunAsync(string script)
    {
        var start = new ProcessStartInfo(Path.Combine(Scripts, script), [Dir]) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await stdout, await stderr);
    }
}
