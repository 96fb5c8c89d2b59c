using System.Net;
using MqttKube.Bindings;
using MqttKube.Http;

namespace MqttKube.Tests.Http;

public sealed class HttpServerEndpointTests
{
    [Fact]
    public async Task Metrics_are_served_as_prometheus_text_and_follow_the_service()
    {
        var view = FakeStatusView.AllWell();
        var metrics = new Metrics();
        await using var running = await RunningServer.StartAsync(view, metrics);

        var first = await Scrape(running);
        metrics.MessagesReceived.Increment();
        metrics.MessagesReceived.Increment();
        metrics.Patches(PatchOutcome.Patched).Increment();
        metrics.EventToPublish.Observe(TimeSpan.FromMilliseconds(3));
        view.Mqtt = view.Mqtt with { Connected = false };
        var second = await Scrape(running);

        double Value(List<PrometheusSample> s, string name, string? label = null, string? value = null) =>
            s.Single(x => x.Name == name && (label is null || x.Has(label, value!))).Value;
        Assert.Equal(0, Value(first, "mqtt_kube_mqtt_messages_received_total"));
        Assert.Equal(2, Value(second, "mqtt_kube_mqtt_messages_received_total"));
        Assert.Equal(1, Value(second, "mqtt_kube_patches_total", "outcome", "patched"));
        Assert.Equal(1, Value(first, "mqtt_kube_mqtt_connected"));
        Assert.Equal(0, Value(second, "mqtt_kube_mqtt_connected"));
        Assert.Equal(1, Value(second, "mqtt_kube_event_to_publish_seconds_bucket", "le", "0.005"));
        Assert.Equal(0, Value(second, "mqtt_kube_event_to_publish_seconds_bucket", "le", "0.0025"));
        Assert.Equal(1, Value(second, "mqtt_kube_build_info", "version", "1.2.3"));
    }

    private static async Task<List<PrometheusSample>> Scrape(RunningServer running)
    {
        using var response = await running.Client.GetAsync("/metrics");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/plain; version=0.0.4; charset=utf-8", response.Content.Headers.ContentType!.ToString());
        Assert.Equal("no-store", response.Headers.CacheControl!.ToString());
        return PrometheusParser.Parse(await response.Content.ReadAsStringAsync(), out _);
    }

    [Fact]
    public async Task Status_page_lists_bindings_and_escapes_hostile_values()
    {
        var view = FakeStatusView.AllWell();
        view.Mqtt = new MqttStatus(false, "broker.local:1883", "mqtt-kube", FakeStatusView.Start.AddMinutes(2), "refused <b>");
        view.Bindings =
        [
            .. view.Bindings,
            new BindingStatus("bindings[1]", "jobs", "batch", "backup", BindingStatus.Running,
            [
                new AssociationStatus("action", "backup/run", null, true, "<script>alert(1)</script>",
                    FakeStatusView.Start.AddMinutes(3), "job \"backup\" & co failed"),
            ]),
        ];
        var now = FakeStatusView.Start.AddMinutes(3).AddSeconds(5);
        await using var running = await RunningServer.StartAsync(view, time: new FixedTimeProvider(now));

        using var response = await running.Client.GetAsync("/");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html; charset=utf-8", response.Content.Headers.ContentType!.ToString());
        Assert.Equal("no-store", response.Headers.CacheControl!.ToString());
        var policy = response.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("default-src 'none'", policy);
        Assert.Contains("<meta http-equiv=\"refresh\" content=\"5\">", html);
        Assert.Contains("1.2.3", html);
        Assert.Contains("Up 3m 5s", html);
        Assert.Contains("not connected", html);
        Assert.Contains("refused &lt;b&gt;", html);
        Assert.Contains("bindings[0]", html);
        Assert.Contains("media/jellyfin", html);
        Assert.Contains("jellyfin/power/state", html);
        Assert.Contains("batch/backup", html);
        // The page's own script is the only one, and the only one the policy lets run (by its nonce).
        var script = Assert.Single(System.Text.RegularExpressions.Regex.Matches(html, "<script[^>]*>", System.Text.RegularExpressions.RegexOptions.IgnoreCase));
        var nonce = System.Text.RegularExpressions.Regex.Match(script.Value, "nonce=\"([^\"]+)\"").Groups[1].Value;
        Assert.Contains($"script-src 'nonce-{nonce}'", policy);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", html);
        Assert.Contains("job &quot;backup&quot; &amp; co failed", html);
        Assert.Contains("5 s ago", html);
        Assert.Contains("2026-01-01T12:03:00Z", html);
        Assert.DoesNotContain("http://", html.Replace("http-equiv", string.Empty, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Unknown_paths_are_404()
    {
        await using var running = await RunningServer.StartAsync(FakeStatusView.AllWell());

        using var response = await running.Client.GetAsync("/api/nope");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("no-store", response.Headers.CacheControl!.ToString());
    }

    [Fact]
    public async Task Other_methods_are_405_with_allow_and_the_body_is_ignored()
    {
        await using var running = await RunningServer.StartAsync(FakeStatusView.AllWell());

        using var post = await running.Client.PostAsync("/api/health", new StringContent(new string('x', 100_000)));
        using var after = await running.Client.GetAsync("/api/health");

        Assert.Equal(HttpStatusCode.MethodNotAllowed, post.StatusCode);
        Assert.Equal("GET, HEAD", string.Join(", ", post.Content.Headers.Allow));
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
    }

    [Fact]
    public async Task Head_has_the_headers_without_the_body()
    {
        await using var running = await RunningServer.StartAsync(FakeStatusView.AllWell());

        using var response = await running.Client.SendAsync(new HttpRequestMessage(HttpMethod.Head, "/healthz"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(17, response.Content.Headers.ContentLength);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task A_failing_view_gives_500_without_details_and_is_logged()
    {
        var view = FakeStatusView.AllWell();
        view.Failure = new InvalidOperationException("secret internals");
        await using var running = await RunningServer.StartAsync(view);

        using var response = await running.Client.GetAsync("/readyz");
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal("internal error\n", body);
        Assert.Contains(running.Logger.Entries, e => e.EventId == 9004 && e.Exception == view.Failure);
    }
}
