using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;

namespace MqttKube.Http;

/// <summary>
/// The service's HTTP/1.1 server, on sockets of its own (no ASP.NET Core: it would add about 7 MB to the executable;
/// no HttpListener: it answers only requests whose Host header names the bind address): <c>/api/health</c>,
/// <c>/healthz</c>, <c>/readyz</c>, <c>/metrics</c> and the status page <c>/</c>.
/// </summary>
/// <remarks>
/// <para>It listens on the configured address only (every interface for <c>0.0.0.0</c>/<c>::</c>; each address of a
/// host name) and answers whatever Host a client names: <c>curl localhost:8080</c> works with <c>bind: 127.0.0.1</c>.</para>
/// <para><c>max-connections</c> limits the requests being answered at once: one over the limit gets 503 with
/// <c>Retry-After: 1</c> at once and its connection is closed. Idle keep-alive connections are not counted (each is
/// closed after <see cref="RequestTimeout"/> without a request).</para>
/// <para>Only GET and HEAD are answered (405 otherwise); request bodies are ignored (the connection closed after the
/// answer). A request has <see cref="RequestTimeout"/> to arrive and be answered: a late answer is a 503, a slow
/// client is cut off. Requests on one connection are answered one after the other.</para>
/// </remarks>
internal sealed partial class HttpServer : IAsyncDisposable
{
    private readonly string bind;
    private readonly int port;
    private readonly int maxConnections;
    private readonly IStatusView status;
    private readonly Metrics metrics;
    private readonly ILogger logger;
    private readonly TimeProvider time;
    private readonly CancellationTokenSource stopping = new();
    private readonly CancellationTokenSource abortAll = new();
    private readonly TaskCompletionSource idle = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly ConcurrentDictionary<Socket, byte> connections = new();
    private readonly Lock gate = new();

    private Socket[] listeners = [];
    private Task acceptLoops = Task.CompletedTask;
    private int active;
    private volatile bool draining;
    private bool started;
    private bool stopped;

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
        this.bind = bind;
        this.port = port;
        this.maxConnections = maxConnections;
        this.status = status;
        this.metrics = metrics;
        this.logger = logger;
        time = timeProvider ?? TimeProvider.System;
    }

    /// <summary>How long a request may take to arrive and be answered.</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>How long <see cref="StopAsync"/> lets requests in progress finish before aborting them.</summary>
    public TimeSpan DrainTimeout { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>Requests being answered now.</summary>
    public int ActiveRequests => Volatile.Read(ref active);

    /// <summary>Connections open now (idle keep-alive ones included).</summary>
    public int OpenConnections => connections.Count;

    /// <summary>
    /// The addresses to listen on for a bind setting: every interface (IPv6 and IPv4) for <c>0.0.0.0</c>, <c>::</c>,
    /// <c>*</c>, <c>+</c> or nothing; the address itself for an IP literal (brackets allowed); each address of a host name.
    /// </summary>
    public static IPAddress[] AddressesFor(string bind)
    {
        var host = bind.Trim();
        if (host is "" or "0.0.0.0" or "::" or "[::]" or "*" or "+")
        {
            return [Socket.OSSupportsIPv6 ? IPAddress.IPv6Any : IPAddress.Any];
        }

        if (host.StartsWith('[') && host.EndsWith(']'))
        {
            host = host[1..^1];
        }

        return IPAddress.TryParse(host, out var address) ? [address] : [.. Dns.GetHostAddresses(host).Distinct()];
    }

    /// <summary>Starts listening; throws <see cref="HttpServerException"/> with a clear message when it cannot.</summary>
    public Task StartAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (gate)
        {
            if (started)
            {
                throw new InvalidOperationException("the HTTP server was already started");
            }

            started = true;
        }

        var listeners = new List<Socket>();
        try
        {
            foreach (var address in AddressesFor(bind))
            {
                var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
                listeners.Add(socket);
                if (address.Equals(IPAddress.IPv6Any))
                {
                    socket.DualMode = true;
                }

                socket.Bind(new IPEndPoint(address, port));
                socket.Listen(512);
            }
        }
        catch (Exception ex) when (ex is SocketException or ArgumentException)
        {
            listeners.ForEach(l => l.Dispose());
            throw new HttpServerException(StartFailure(ex), ex);
        }

        this.listeners = [.. listeners];
        acceptLoops = Task.WhenAll(this.listeners.Select(l => Task.Run(() => AcceptLoopAsync(l), CancellationToken.None)));
        LogListening(string.Join(", ", this.listeners.Select(l => $"http://{l.LocalEndPoint}/")), maxConnections);
        return Task.CompletedTask;
    }

    /// <summary>Stops accepting, closes idle connections, lets requests in progress finish for <see cref="DrainTimeout"/>, then aborts them.</summary>
    public async Task StopAsync()
    {
        lock (gate)
        {
            if (stopped || !started)
            {
                stopped = true;
                return;
            }

            stopped = true;
        }

        await stopping.CancelAsync().ConfigureAwait(false);
        foreach (var listener in listeners)
        {
            listener.Dispose();
        }

        await acceptLoops.ConfigureAwait(false);
        draining = true;
        if (Volatile.Read(ref active) == 0)
        {
            idle.TrySetResult();
        }

        try
        {
            await idle.Task.WaitAsync(DrainTimeout).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            LogDrainTimedOut(Volatile.Read(ref active), DrainTimeout.TotalSeconds);
        }

        await abortAll.CancelAsync().ConfigureAwait(false);
        foreach (var socket in connections.Keys)
        {
            socket.Dispose();
        }

        LogStopped();
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        await StopAsync().ConfigureAwait(false);
        stopping.Dispose();
        abortAll.Dispose();
    }

    private string StartFailure(Exception ex)
    {
        var inUse = ex is SocketException { SocketErrorCode: SocketError.AddressAlreadyInUse };
        return inUse
            ? $"cannot listen on {bind}:{port}: the port is already in use (set http.port to a free port)"
            : $"cannot listen on {bind}:{port}: {ex.Message}";
    }
}
