using System.Text.Json.Nodes;

namespace MqttKube.Kubernetes;

/// <summary>
/// The API server as the status page names it: its URL, where its settings came from, and its version, asked for
/// (<c>GET /version</c>) as the service starts on HTTPS (the request that opens the connection) or else the first time
/// the page wants it, and again at most every 30 s while that fails.
/// </summary>
internal sealed class ApiServer(KubeApi api, string source, TimeProvider? time = null)
{
    private static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(30);
    private readonly TimeProvider clock = time ?? TimeProvider.System;
    private readonly Lock gate = new();
    private volatile string? version;
    private Task? asking;
    private DateTimeOffset nextTry;

    public string Server => api.Transport.BaseUri.ToString();

    public string Source { get; } = source;

    /// <summary>The version (<c>v1.33.1</c>); null until the answer is in (the first call asks).</summary>
    public string? Version
    {
        get
        {
            AskVersion();
            return version;
        }
    }

    /// <summary>
    /// Asks for the version in the background unless it is known, being asked, or was refused less than
    /// <see cref="RetryAfter"/> ago.
    /// </summary>
    public void AskVersion()
    {
        if (version is not null)
        {
            return;
        }

        lock (gate)
        {
            if (version is null && (asking is null || asking.IsCompleted) && clock.GetUtcNow() >= nextTry)
            {
                nextTry = clock.GetUtcNow() + RetryAfter;
                asking = AskAsync();
            }
        }
    }

    private async Task AskAsync()
    {
        try
        {
            var answer = await api.GetAsync("/version", CancellationToken.None).ConfigureAwait(false);
            version = (answer as JsonObject)?["gitVersion"]?.GetValue<string>();
        }
        catch (Exception ex) when (ex is KubeApiException or InvalidOperationException or FormatException)
        {
            // unknown for now; asked again later
        }
    }
}
