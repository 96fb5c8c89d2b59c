using Microsoft.Extensions.Logging;
using MqttKube.Configuration;

namespace MqttKube.Http;

/// <summary>
/// The web server under the config's <c>http</c> section, which a reload may change: <see cref="RebindAsync"/> stops
/// the server and starts one on the new settings (when those cannot be bound, the old ones are taken again and the
/// problem logged).
/// </summary>
internal sealed partial class HttpEndpoint(IStatusView status, Metrics metrics, ILogger logger) : IAsyncDisposable
{
    private readonly SemaphoreSlim one = new(1, 1);
    private HttpServer? server;
    private HttpConfig? config;

    /// <summary>Starts listening; <see cref="HttpServerException"/> with a clear message when it cannot.</summary>
    public async Task StartAsync(HttpConfig settings, CancellationToken cancellationToken)
    {
        await one.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            server = await ListenAsync(settings, cancellationToken).ConfigureAwait(false);
            config = settings;
        }
        finally
        {
            one.Release();
        }
    }

    /// <summary>Moves the server to <paramref name="settings"/> (a stop, then a start).</summary>
    public async Task RebindAsync(HttpConfig settings, CancellationToken cancellationToken)
    {
        await one.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (server is { } old)
            {
                await old.DisposeAsync().ConfigureAwait(false);
            }

            try
            {
                server = await ListenAsync(settings, cancellationToken).ConfigureAwait(false);
                config = settings;
                LogRebound(logger, settings.Bind, settings.Port);
            }
            catch (HttpServerException ex) when (config is { } previous)
            {
                LogRebindFailed(logger, ex.Message, previous.Bind, previous.Port);
                server = await ListenAsync(previous, cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            one.Release();
        }
    }

    public async Task StopAsync()
    {
        await one.WaitAsync().ConfigureAwait(false);
        try
        {
            if (server is { } current)
            {
                await current.StopAsync().ConfigureAwait(false);
            }
        }
        finally
        {
            one.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (server is { } current)
        {
            await current.DisposeAsync().ConfigureAwait(false);
        }
    }

    private async Task<HttpServer> ListenAsync(HttpConfig settings, CancellationToken cancellationToken)
    {
        var next = new HttpServer(settings.Bind, settings.Port, settings.MaxConnections, status, metrics, logger);
        try
        {
            await next.StartAsync(cancellationToken).ConfigureAwait(false);
            return next;
        }
        catch
        {
            await next.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    [LoggerMessage(EventId = 7210, Level = LogLevel.Information, Message = "the http settings changed: listening on {Bind}:{Port}")]
    private static partial void LogRebound(ILogger logger, string bind, int port);

    [LoggerMessage(EventId = 7211, Level = LogLevel.Error, Message = "the http settings changed but {Reason}; listening on {Bind}:{Port} again")]
    private static partial void LogRebindFailed(ILogger logger, string reason, string bind, int port);
}
