using System.Net;
using System.Net.Sockets;
using System.Text;

namespace MqttKube.Tests.Kubernetes;

/// <summary>
/// A minimal HTTP CONNECT proxy (what HTTPS_PROXY points at): tunnels bytes to the requested host and records the
/// targets; with <paramref name="credentials"/> (`user:password`) it answers 407 until the client sends them (Basic).
/// </summary>
internal sealed class ConnectProxy : IAsyncDisposable
{
    private readonly TcpListener listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource stop = new();
    private readonly string? credentials;
    private readonly List<string> tunnels = [];
    private readonly Task accepting;

    public ConnectProxy(string? credentials = null)
    {
        this.credentials = credentials;
        listener.Start();
        accepting = AcceptAsync();
    }

    public Uri Address => new($"http://127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}/");

    /// <summary>The `host:port` of every tunnel opened.</summary>
    public IReadOnlyList<string> Tunnels
    {
        get
        {
            lock (tunnels)
            {
                return [.. tunnels];
            }
        }
    }

    private async Task AcceptAsync()
    {
        while (!stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await listener.AcceptTcpClientAsync(stop.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            _ = ServeAsync(client);
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using var _ = client;
        try
        {
            await TunnelAsync(client.GetStream());
        }
        catch (Exception e) when (e is IOException or SocketException or OperationCanceledException)
        {
            // the client or the upstream went away
        }
    }

    private async Task TunnelAsync(NetworkStream stream)
    {
        while (true)
        {
            var head = await ReadHeadAsync(stream);
            if (head.Length == 0)
            {
                return;
            }

            var lines = head.Split("\r\n");
            var target = lines[0].Split(' ') is ["CONNECT", var t, ..] ? t : null;
            if (target == null)
            {
                await stream.WriteAsync("HTTP/1.1 405 Method Not Allowed\r\nContent-Length: 0\r\n\r\n"u8.ToArray());
                return;
            }

            var expected = credentials == null ? null : "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes(credentials));
            if (expected != null && !lines.Contains($"Proxy-Authorization: {expected}", StringComparer.OrdinalIgnoreCase))
            {
                await stream.WriteAsync("HTTP/1.1 407 Proxy Authentication Required\r\nProxy-Authenticate: Basic realm=\"test\"\r\nContent-Length: 0\r\n\r\n"u8.ToArray());
                continue;
            }

            lock (tunnels)
            {
                tunnels.Add(target);
            }

            var colon = target.LastIndexOf(':');
            using var upstream = new TcpClient();
            await upstream.ConnectAsync(target[..colon], int.Parse(target[(colon + 1)..], System.Globalization.CultureInfo.InvariantCulture));
            await stream.WriteAsync("HTTP/1.1 200 Connection established\r\n\r\n"u8.ToArray());
            var up = upstream.GetStream();
            await Task.WhenAny(stream.CopyToAsync(up, stop.Token), up.CopyToAsync(stream, stop.Token));
            return;
        }
    }

    private static async Task<string> ReadHeadAsync(NetworkStream stream)
    {
        var head = new StringBuilder();
        var one = new byte[1];
        while (!head.ToString().EndsWith("\r\n\r\n", StringComparison.Ordinal) && await stream.ReadAsync(one) == 1)
        {
            head.Append((char)one[0]);
        }

        return head.ToString().TrimEnd();
    }

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        listener.Stop();
        await accepting;
        stop.Dispose();
    }
}
