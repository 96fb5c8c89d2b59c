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

        // One request after the other (see Pipelined_requests_are_answered_in_order for both at once).
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

    [Theory]
    [InlineData("localhost")]
    [InlineData("mqtt-kube.iot.svc.cluster.local")]
    [InlineData("127.0.0.1")]
    public async Task A_specific_bind_address_answers_any_host_name(string host)
    {
        await using var running = await RunningServer.StartAsync(FakeStatusView.AllWell());

        var text = await Exchange(running.Port, $"GET /metrics HTTP/1.1\r\nHost: {host}:{running.Port}\r\nConnection: close\r\n\r\n");

        Assert.StartsWith("HTTP/1.1 200 OK\r\n", text);
        Assert.Contains("mqtt_kube_build_info", text);
    }

    [Fact]
    public async Task It_listens_on_the_bind_address_only()
    {
        await using var running = await RunningServer.StartAsync(FakeStatusView.AllWell());
        using var other = new TcpClient();

        // 127.0.0.2 reaches this host too (all of 127/8 is loopback), but nothing listens there.
        var refused = await Assert.ThrowsAsync<SocketException>(() => other.ConnectAsync(IPAddress.Parse("127.0.0.2"), running.Port));
        Assert.Equal(SocketError.ConnectionRefused, refused.SocketErrorCode);
    }

    [Fact]
    public async Task Pipelined_requests_are_answered_in_order()
    {
        await using var running = await RunningServer.StartAsync(FakeStatusView.AllWell());

        var text = await Exchange(
            running.Port,
            $"GET /healthz HTTP/1.1\r\nHost: x\r\n\r\nGET /nope HTTP/1.1\r\nHost: x\r\n\r\nHEAD /readyz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");

        var statuses = System.Text.RegularExpressions.Regex.Matches(text, "HTTP/1.1 [0-9]{3} [^\r]*").Select(m => m.Value);
        Assert.Equal(["HTTP/1.1 200 OK", "HTTP/1.1 404 Not Found", "HTTP/1.1 200 OK"], statuses);
    }

    [Fact]
    public async Task Http_1_0_gets_its_answer_and_the_connection_closes()
    {
        await using var running = await RunningServer.StartAsync(FakeStatusView.AllWell());

        var text = await Exchange(running.Port, "GET /healthz HTTP/1.0\r\n\r\n");

        Assert.StartsWith("HTTP/1.1 200 OK\r\n", text);
        Assert.Contains("Connection: close\r\n", text);
    }

    public static TheoryData<string, string> BadRequests() => new()
    {
        { "GARBAGE\r\n\r\n", "HTTP/1.1 400 Bad Request" },
        { "GET /healthz HTTP/1.1\r\n\r\n", "HTTP/1.1 400 Bad Request" },
        { "GET /health\u001bz HTTP/1.1\r\nHost: x\r\n\r\n", "HTTP/1.1 400 Bad Request" },
        { "GET /healthz HTTP/2.0\r\nHost: x\r\n\r\n", "HTTP/1.1 400 Bad Request" },
        { "GET /healthz HTTP/1.1\r\nHost: x\r\nBad Header\r\n\r\n", "HTTP/1.1 400 Bad Request" },
        { $"GET /{new string('a', 9000)} HTTP/1.1\r\nHost: x\r\n\r\n", "HTTP/1.1 414 URI Too Long" },
        { $"GET /healthz HTTP/1.1\r\nHost: x\r\nX: {new string('a', 40_000)}\r\n\r\n", "HTTP/1.1 431 Request Header Fields Too Large" },
    };

    [Theory]
    [MemberData(nameof(BadRequests))]
    public async Task A_malformed_request_gets_an_error_and_the_server_goes_on(string request, string status)
    {
        await using var running = await RunningServer.StartAsync(FakeStatusView.AllWell());

        var text = await Exchange(running.Port, request);

        Assert.StartsWith(status + "\r\n", text);
        Assert.Equal(HttpStatusCode.OK, (await running.Client.GetAsync("/healthz")).StatusCode);
    }

    /// <summary>
    /// Sends each request in turn on one connection: before the next, reads the previous answer's head (up to the blank
    /// line), and after the last reads to the end. A body after a HEAD answer would show up before the next answer.
    /// </summary>
    private static async Task<string> Exchange(int port, params string[] requests)
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

    private static int CountOf(string text, string part)
    {
        var count = 0;
        for (var at = text.IndexOf(part, StringComparison.Ordinal); at >= 0; at = text.IndexOf(part, at + 1, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }
}
