using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;

namespace MqttKube.Http;

/// <summary>
/// The service's HTTP server on <see cref="HttpListener"/> (no ASP.NET Core: it would add about 7 MB to the
/// executable): <c>/api/health</c>, <c>/healthz</c>, <c>/readyz</c>, <c>/metrics</c> and the status page <c>/</c>.
/// </summary>
/// <remarks>
/// <para><c>max-connections</c>: HttpListener exposes no count of open connections, so the limit applies to requests
/// being answered at once. A request over the limit gets 503 with <c>Retry-After: 1</c> at once and its connection
/// is closed. Idle keep-alive connections are not counted.</para>
/// <para>Only GET and HEAD are answered (405 otherwise); request bodies are ignored (and the connection closed after
/// the answer); each request has <see cref="RequestTimeout"/> to be answered, after which it gets 503 (or, when its answer is
/// already being written to a slow client, its connection is aborted).
/// With a specific bind address, HttpListener only answers requests whose Host header names that address; it does
/// not read pipelined requests (a client must wait for an answer before sending the next request on a connection).</para>
/// </remarks>
internal sealed partial class HttpServer : IAsyncDisposable
{
    readonly string _bind;
    readonly int _port;
    readonly int _maxConnections;
    readonly IStatusView _status;
    readonly Metrics _metrics;
    readonly ILogger _logger;
    readonly TimeProvider _time;
    readonly CancellationTokenSource _stopping = new();
    readonly CancellationTokenSource _abortAll = new();
    readonly TaskCompletionSource _idle = new(TaskCreationOptions.RunContinuationsAsynchronously);
    readonly Lock _gate = new();

    HttpListener? _listener;
    Task _acceptLoop = Task.CompletedTask;
    int _active;
    volatile bool _draining;
    bool _started;
    bool _stopped;

    /// <param name="bind">The address to listen on: <c>0.0.0.0</c> or <c>::</c> for every interface, or one address or host name.</param>
    /// <param name="port">The TCP port.</param>
    /// <param name="maxConnections">At most this many requests are answered at once (see the remarks).</param>
    /// <param name="status">The read-only view of the service that the answers show.</param>
    /// <param name="metrics">The registry that <c>/metrics</c> renders.</param>
    /// <param name="logger">Where the server logs.</param>
    /// <param name="timeProvider">The clock of the status page (uptime, "3 s ago"); the system clock by default.</param>
    public HttpServer(
        string bind,
        int port,
        int maxConnections,
        IStatusView status,
        Metrics metrics,
        ILogger logger,
        TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(bind);
        ArgumentOutOfRangeException.ThrowIfLessThan(port, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(port, 65535);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxConnections, 1);
        ArgumentNullException.ThrowIfNull(status);
        ArgumentNullException.ThrowIfNull(metrics);
        ArgumentNullException.ThrowIfNull(logger);
        _bind = bind;
        _port = port;
        _maxConnections = maxConnections;
        _status = status;
        _metrics = metrics;
        _logger = logger;
        _time = timeProvider ?? TimeProvider.System;
        Prefix = PrefixFor(bind, port);
    }

    /// <summary>How long one request may take before its connection is aborted.</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>How long <see cref="StopAsync"/> lets requests in progress finish before aborting them.</summary>
    public TimeSpan DrainTimeout { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>The HttpListener prefix, for example <c>http://+:8080/</c>.</summary>
    public string Prefix { get; }

    /// <summary>Requests being answered now.</summary>
    public int ActiveRequests => Volatile.Read(ref _active);

    /// <summary>The HttpListener prefix for a bind address: every-interface addresses become <c>+</c>, IPv6 gets brackets.</summary>
    public static string PrefixFor(string bind, int port)
    {
        var host = bind.Trim();
        if (host is "" or "0.0.0.0" or "::" or "[::]" or "*" or "+")
        {
            host = "+";
        }
        else if (IPAddress.TryParse(host, out var address) && address.AddressFamily == AddressFamily.InterNetworkV6)
        {
            host = "[" + address + "]";
        }

        return $"http://{host}:{port}/";
    }

    /// <summary>Starts listening; throws <see cref="HttpServerException"/> with a clear message when it cannot.</summary>
    public Task StartAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            if (_started)
            {
                throw new InvalidOperationException("the HTTP server was already started");
            }

            _started = true;
        }

        var listener = new HttpListener { IgnoreWriteExceptions = true };
        try
        {
            listener.Prefixes.Add(Prefix);
            listener.Start();
        }
        catch (Exception ex) when (ex is HttpListenerException or SocketException or ArgumentException)
        {
            listener.Close();
            throw new HttpServerException(StartFailure(ex), ex);
        }

        _listener = listener;
        _acceptLoop = Task.Run(() => AcceptLoopAsync(listener), CancellationToken.None);
        LogListening(Prefix, _maxConnections);
        return Task.CompletedTask;
    }

    /// <summary>Stops accepting, lets requests in progress finish for <see cref="DrainTimeout"/>, then closes.</summary>
    public async Task StopAsync()
    {
        HttpListener? listener;
        lock (_gate)
        {
            if (_stopped || _listener is null)
            {
                _stopped = true;
                return;
            }

            _stopped = true;
            listener = _listener;
        }

        await _stopping.CancelAsync().ConfigureAwait(false);
        listener.Stop();
        await _acceptLoop.ConfigureAwait(false);

        _draining = true;
        if (Volatile.Read(ref _active) == 0)
        {
            _idle.TrySetResult();
        }

        try
        {
            await _idle.Task.WaitAsync(DrainTimeout).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            LogDrainTimedOut(Volatile.Read(ref _active), DrainTimeout.TotalSeconds);
            await _abortAll.CancelAsync().ConfigureAwait(false);
        }

        listener.Close();
        LogStopped();
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        await StopAsync().ConfigureAwait(false);
        _stopping.Dispose();
        _abortAll.Dispose();
    }

    string StartFailure(Exception ex)
    {
        var inUse = ex is SocketException { SocketErrorCode: SocketError.AddressAlreadyInUse }
            || ex.InnerException is SocketException { SocketErrorCode: SocketError.AddressAlreadyInUse }
            || ex.Message.Contains("in use", StringComparison.OrdinalIgnoreCase);
        return inUse
            ? $"cannot listen on {_bind}:{_port}: the port is already in use (set http.port to a free port)"
            : $"cannot listen on {_bind}:{_port}: {ex.Message}";
    }
}
