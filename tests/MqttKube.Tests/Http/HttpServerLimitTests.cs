using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using MqttKube.Http;
using MqttKube.Tests.Mqtt;

namespace MqttKube.Tests.Http;

public sealed class HttpServerLimitTests
{
    private static readonly TimeSpan Generous = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task Requests_over_max_connections_get_503_at_once_and_the_server_recovers()
    {
        var view = FakeStatusView.AllWell();
        using var gate = new SemaphoreSlim(0);
        view.Gate = gate;
        await using var running = await RunningServer.StartAsync(view, maxConnections: 2);

        var blocked1 = running.Client.GetAsync("/");
        var blocked2 = running.Client.GetAsync("/readyz");
        Assert.True(await view.Entered.WaitAsync(Generous), "first request never reached the view");
        Assert.True(await view.Entered.WaitAsync(Generous), "second request never reached the view");
        Assert.Equal(2, running.Server.ActiveRequests);

        var watch = Stopwatch.StartNew();
        using var refused = await running.Client.GetAsync("/healthz");
        watch.Stop();

        Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
        Assert.Equal("1", refused.Headers.RetryAfter!.ToString());
        Assert.Equal("no-store", refused.Headers.CacheControl!.ToString());
        Assert.False(blocked1.IsCompleted || blocked2.IsCompleted, "the blocked requests must still be in progress");
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), $"the 503 took {watch.Elapsed}");

        view.Gate = null;
        gate.Release(2);
        using var first = await blocked1.WaitAsync(Generous);
        using var second = await blocked2.WaitAsync(Generous);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);

        using var afterwards = await running.Client.GetAsync("/healthz");
        Assert.Equal(HttpStatusCode.OK, afterwards.StatusCode);
        Assert.Contains(running.Logger.Entries, e => e.EventId == 9003);
    }

    [Fact]
    public async Task A_port_in_use_is_a_clear_error()
    {
        using var occupier = new TcpListener(IPAddress.Loopback, 0);
        occupier.Start();
        var port = ((IPEndPoint)occupier.LocalEndpoint).Port;
        var server = new HttpServer("127.0.0.1", port, 10, FakeStatusView.AllWell(), new Metrics(), new CapturingLogger<HttpServer>());

        var error = await Assert.ThrowsAsync<HttpServerException>(() => server.StartAsync(CancellationToken.None));

        Assert.Equal($"cannot listen on 127.0.0.1:{port}: the port is already in use (set http.port to a free port)", error.Message);
        await server.DisposeAsync();
    }

    [Fact]
    public async Task A_request_that_takes_too_long_gets_503()
    {
        var view = FakeStatusView.AllWell();
        using var gate = new SemaphoreSlim(0);
        view.Gate = gate;
        await using var running = await RunningServer.StartAsync(view, requestTimeout: TimeSpan.FromMilliseconds(300));

        var slow = running.Client.GetAsync("/");

        using var timedOut = await slow.WaitAsync(Generous);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, timedOut.StatusCode);
        Assert.Equal("request timed out\n", await timedOut.Content.ReadAsStringAsync());
        Assert.Equal(1, running.Server.ActiveRequests); // the handler is still blocked in the view
        view.Gate = null;
        gate.Release();
        await WaitUntil(() => running.Server.ActiveRequests == 0);
        using var afterwards = await running.Client.GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, afterwards.StatusCode);
    }

    [Fact]
    public async Task After_stop_nothing_answers_and_the_port_is_free()
    {
        var running = await RunningServer.StartAsync(FakeStatusView.AllWell());
        using (var before = await running.Client.GetAsync("/healthz"))
        {
            Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        }

        await running.Server.StopAsync();

        using var client = new HttpClient { BaseAddress = running.Client.BaseAddress };
        await Assert.ThrowsAnyAsync<HttpRequestException>(() => client.GetAsync("/healthz"));
        using var again = new TcpListener(IPAddress.Loopback, running.Port);
        again.Start();
        again.Stop();
        await running.DisposeAsync();
        Assert.Contains(running.Logger.Entries, e => e.EventId == 9008);
    }

    [Theory]
    [InlineData("0.0.0.0", "::")]
    [InlineData("::", "::")]
    [InlineData("", "::")]
    [InlineData("127.0.0.1", "127.0.0.1")]
    [InlineData("::1", "::1")]
    [InlineData("[::1]", "::1")]
    public void Bind_addresses_become_listen_addresses(string bind, string address)
    {
        Assert.Equal([address], HttpServer.AddressesFor(bind).Select(a => a.ToString()));
    }

    [Fact]
    public void A_host_name_binds_each_of_its_addresses()
    {
        Assert.Contains("127.0.0.1", HttpServer.AddressesFor("localhost").Select(a => a.ToString()));
    }

    private static async Task WaitUntil(Func<bool> condition)
    {
        var deadline = Stopwatch.StartNew();
        while (!condition())
        {
            Assert.True(deadline.Elapsed < Generous, "condition not met in time");
            await Task.Delay(10);
        }
    }
}
