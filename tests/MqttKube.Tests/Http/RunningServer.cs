using System.Net;
using System.Net.Sockets;
using MqttKube.Http;
using MqttKube.Tests.Mqtt;

namespace MqttKube.Tests.Http;

/// <summary>An <see cref="HttpServer"/> started on a free loopback port, with a client pointed at it.</summary>
internal sealed class RunningServer : IAsyncDisposable
{
    private RunningServer(HttpServer server, int port, CapturingLogger<HttpServer> logger)
    {
        Server = server;
        Port = port;
        Logger = logger;
        Client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/"), Timeout = TimeSpan.FromSeconds(30) };
    }

    public HttpServer Server { get; }

    public int Port { get; }

    public CapturingLogger<HttpServer> Logger { get; }

    public HttpClient Client { get; }

    public static async Task<RunningServer> StartAsync(
        IStatusView view,
        Metrics? metrics = null,
        int maxConnections = 10,
        TimeSpan? requestTimeout = null,
        TimeProvider? time = null)
    {
        var port = FreePort();
        var logger = new CapturingLogger<HttpServer>();
        var server = new HttpServer("127.0.0.1", port, maxConnections, view, metrics ?? new Metrics(), logger, time)
        {
            RequestTimeout = requestTimeout ?? TimeSpan.FromSeconds(10),
        };
        await server.StartAsync(CancellationToken.None);
        return new RunningServer(server, port, logger);
    }

    /// <summary>A port nobody listens on now (bound to port 0 by a TcpListener, then released).</summary>
    public static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Server.DisposeAsync();
    }
}
