using System.Net;
using System.Net.Sockets;
using System.Text;
using MqttKube.Http;
using MqttKube.Tests.Mqtt;

namespace MqttKube.Tests.Http;

/// <summary>What goes over the connection, byte for byte, where HttpClient would hide it.</summary>
public sealed class HttpServerWireTests
{
    [Fact]
    public async Task Head_sends_no_body_so_the_connection_stays_usable()
    {
        await using var running = await RunningServer.StartAsync(FakeStatusView.AllWell());

        // One request after the other: HttpListener does not read pipelined requests.
        var text = await Exchange(
            running.Port,
            $"HEAD /healthz HTTP/1.1\r\nHost: 127.0.0.1:{running.Port}\r\n\r\n",
            $"GET /healthz HTTP/1.1\r\nHost: 127.0.0.1:{running.Port}\r\nConnection: close\r\n\r\n");

        Assert.Equal(2, CountOf(text, "HTTP/1.1 200 OK\r\n"));
        Assert.Equal(2, CountOf(text, "Content-Length: 17\r\n"));
        Assert.Equal(1, CountOf(text, """{"health":"okay"}"""));
        Assert.EndsWith("\r\n\r\n{\"health\":\"okay\"}", text);
    }

    [Fact]
    public async Task Every_interface_binding_answers_any_host_name()
    {
        var port = RunningServer.FreePort();
        await using var server = new HttpServer("0.0.0.0", port, 10, FakeStatusView.AllWell(), new Metrics(), new CapturingLogger<HttpServer>());
        await server.StartAsync(CancellationToken.None);

        // A kubelet probe names the pod's address in Host; only the header says so, the traffic stays on loopback.
        var text = await Exchange(port, $"GET /api/health HTTP/1.1\r\nHost: 10.1.2.3:{port}\r\nConnection: close\r\n\r\n");

        Assert.StartsWith("HTTP/1.1 200 OK\r\n", text);
        Assert.EndsWith("""{"health":"okay"}""", text);
    }

    /// <summary>
    /// Sends each request in turn on one connection: before the next, reads the previous answer's head (up to the blank
    /// line), and after the last reads to the end. A body after a HEAD answer would show up before the next answer.
    /// </summary>
    static async Task<string> Exchange(int port, params string[] requests)
    {
        using var client = new TcpClient();
        await client.ConnectAsync(IPAddress.Loopback, port);
        var stream = client.GetStream();
        var received = new List<byte>();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        var one = new byte[1];
        for (var i = 0; i < requests.Length; i++)
        {
            await stream.WriteAsync(Encoding.ASCII.GetBytes(requests[i]), timeout.Token);
            if (i == requests.Length - 1)
            {
                break;
            }

            var headEnd = received.Count;
            while (!(received.Count - headEnd >= 4 && Encoding.ASCII.GetString([.. received[^4..]]) == "\r\n\r\n"))
            {
                Assert.Equal(1, await stream.ReadAsync(one, timeout.Token));
                received.Add(one[0]);
            }
        }

        var rest = new MemoryStream();
        await stream.CopyToAsync(rest, timeout.Token);
        return Encoding.UTF8.GetString([.. received, .. rest.ToArray()]);
    }

    static int CountOf(string text, string part)
    {
        var count = 0;
        for (var at = text.IndexOf(part, StringComparison.Ordinal); at >= 0; at = text.IndexOf(part, at + 1, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }
}
