using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace MqttKube.Kubernetes;

/// <summary>
/// A kubeconfig `exec` credential plugin (client-go's protocol): run non-interactively with `KUBERNETES_EXEC_INFO`,
/// its ExecCredential JSON read from stdout; run again when its token is about to expire. A failure says which plugin,
/// its exit code and the last line it wrote to stderr.
/// </summary>
internal sealed class ExecCredentialPlugin : IBearerTokenSource
{
    private static readonly TimeSpan RunTimeout = TimeSpan.FromMinutes(2);
    private static readonly TimeSpan RenewBefore = TimeSpan.FromSeconds(30);
    private readonly KubeExec _exec;
    private readonly string _command;
    private readonly TimeProvider _time;
    private ExecCredential? _current;

    public ExecCredentialPlugin(KubeExec exec, string? kubeconfigDirectory, TimeProvider time)
    {
        _exec = exec;
        _time = time;
        // As client-go: a relative path with a separator is relative to the kubeconfig; a bare name is looked up in PATH.
        _command = exec.Command.Contains('/', StringComparison.Ordinal) && !Path.IsPathRooted(exec.Command) && kubeconfigDirectory != null
            ? Path.Combine(kubeconfigDirectory, exec.Command)
            : exec.Command;
    }

    public async ValueTask<string> GetTokenAsync(CancellationToken cancellationToken)
    {
        if (_current?.Token == null || (_current.Expires is { } expires && _time.GetUtcNow() >= expires - RenewBefore))
        {
            _current = await RunAsync(cancellationToken).ConfigureAwait(false);
        }

        return _current.Token ?? throw new KubeConnectionException($"the exec plugin {_exec.Command} printed no token");
    }

    /// <summary>Runs the plugin; the answer is kept for the next <see cref="GetTokenAsync"/>.</summary>
    public async Task<ExecCredential> RunAsync(CancellationToken cancellationToken)
    {
        using var process = new Process { StartInfo = StartInfo() };
        try
        {
            process.Start();
        }
        catch (Win32Exception e)
        {
            throw new KubeConnectionException($"the exec plugin {_exec.Command} cannot be started: {e.Message}"
                + (string.IsNullOrWhiteSpace(_exec.InstallHint) ? "" : $" ({_exec.InstallHint.Trim()})"), e);
        }

        process.StandardInput.Close(); // not interactive
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var errors = process.StandardError.ReadToEndAsync(cancellationToken);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(RunTimeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            process.Kill();
            cancellationToken.ThrowIfCancellationRequested();
            throw new KubeConnectionException($"the exec plugin {_exec.Command} did not finish within {RunTimeout.TotalSeconds:0} s");
        }

        var (stdout, stderr) = (await output.ConfigureAwait(false), await errors.ConfigureAwait(false));
        if (process.ExitCode != 0)
        {
            var lines = stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            throw new KubeConnectionException($"the exec plugin {_exec.Command} failed (exit code {process.ExitCode})" + (lines.Length == 0 ? "" : $": {lines[^1]}"));
        }

        return _current = Parse(stdout);
    }

    private ProcessStartInfo StartInfo()
    {
        var start = new ProcessStartInfo(_command)
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in _exec.Arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in _exec.Environment)
        {
            start.Environment[name] = value;
        }

        start.Environment["KUBERNETES_EXEC_INFO"] = new JsonObject
        {
            ["apiVersion"] = _exec.ApiVersion,
            ["kind"] = "ExecCredential",
            ["spec"] = new JsonObject { ["interactive"] = false },
        }.ToJsonString();
        return start;
    }

    private ExecCredential Parse(string stdout)
    {
        if (string.IsNullOrWhiteSpace(stdout))
        {
            throw new KubeConnectionException($"the exec plugin {_exec.Command} printed nothing (an ExecCredential was expected)");
        }

        JsonNode? answer;
        try
        {
            answer = JsonNode.Parse(stdout);
        }
        catch (JsonException e)
        {
            throw new KubeConnectionException($"the exec plugin {_exec.Command} did not print an ExecCredential (JSON): {e.Message}", e);
        }

        var apiVersion = Text(answer, "apiVersion");
        if (apiVersion != _exec.ApiVersion)
        {
            throw new KubeConnectionException($"the exec plugin {_exec.Command} answered apiVersion {apiVersion ?? "(none)"}; the kubeconfig asks for {_exec.ApiVersion}");
        }

        var status = answer?["status"];
        var expires = Text(status, "expirationTimestamp") is { } time
            && DateTimeOffset.TryParse(time, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at) ? at : (DateTimeOffset?)null;
        var credential = new ExecCredential(Text(status, "token"), expires, Text(status, "clientCertificateData"), Text(status, "clientKeyData"));
        return credential.Token != null || (credential.CertificatePem != null && credential.KeyPem != null)
            ? credential
            : throw new KubeConnectionException($"the exec plugin {_exec.Command} printed neither a token nor a client certificate and key");
    }

    private static string? Text(JsonNode? node, string name) =>
        node is JsonObject o && o[name] is JsonValue v && v.TryGetValue<string>(out var s) && s.Length > 0 ? s : null;
}
