using System.Net;
using System.Text.Json.Nodes;
using MqttKube.Http;

namespace MqttKube.Tests.Http;

public sealed class HttpServerProbeTests
{
    [Theory]
    [InlineData("/api/health")]
    [InlineData("/healthz")]
    public async Task Health_is_exactly_the_original_answer_while_every_loop_is_alive(string path)
    {
        await using var running = await RunningServer.StartAsync(FakeStatusView.AllWell());

        using var response = await running.Client.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("""{"health":"okay"}""", await response.Content.ReadAsStringAsync());
        Assert.Equal("application/json; charset=utf-8", response.Content.Headers.ContentType!.ToString());
        Assert.Equal("no-store", response.Headers.CacheControl!.ToString());
    }

    [Theory]
    [InlineData("/api/health")]
    [InlineData("/healthz")]
    public async Task Health_fails_with_the_reason_when_a_loop_is_dead(string path)
    {
        var view = FakeStatusView.AllWell();
        view.Loops = [new("mqtt", true, null), new("watch pods", false, "ended: boom"), new("dispatcher", false, null)];
        await using var running = await RunningServer.StartAsync(view);

        using var response = await running.Client.GetAsync(path);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal("failing", (string?)body["health"]);
        Assert.Equal(["watch pods: ended: boom", "dispatcher: not alive"], body["reasons"]!.AsArray().Select(r => (string?)r));
    }

    [Fact]
    public async Task A_broker_outage_is_not_a_liveness_failure()
    {
        var view = FakeStatusView.AllWell();
        view.Mqtt = new MqttStatus(false, "broker.local:1883", "mqtt-kube", null, "connection refused");
        await using var running = await RunningServer.StartAsync(view);

        using var response = await running.Client.GetAsync("/healthz");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("""{"health":"okay"}""", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Ready_when_connected_and_synced()
    {
        await using var running = await RunningServer.StartAsync(FakeStatusView.AllWell());

        using var response = await running.Client.GetAsync("/readyz");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("""{"ready":true}""", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Not_ready_names_every_reason()
    {
        var view = FakeStatusView.AllWell();
        view.Mqtt = new MqttStatus(false, "broker.local:1883", "mqtt-kube", null, "connection refused");
        view.Bindings =
        [
            new BindingStatus("bindings[0]", "deployments", "media", "jellyfin", BindingStatus.Running,
            [
                new AssociationStatus("watch", "jellyfin/power/state", "$.spec.replicas", false, null, null, null),
                new AssociationStatus("patch", "jellyfin/power/set", "$.spec.replicas", true, null, null, null),
            ]),
            new BindingStatus("bindings[1]", "widgets", null, "w", "waiting: no resource widgets in the cluster", Array.Empty<AssociationStatus>()),
        ];
        await using var running = await RunningServer.StartAsync(view);

        using var response = await running.Client.GetAsync("/readyz");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.False((bool)body["ready"]!);
        Assert.Equal(
            [
                "mqtt: not connected to broker.local:1883 (connection refused)",
                "bindings[0] watch jellyfin/power/state: not synced",
                "bindings[1]: waiting: no resource widgets in the cluster",
            ],
            body["reasons"]!.AsArray().Select(r => (string?)r));
    }

    [Fact]
    public async Task Not_ready_while_only_mqtt_is_down()
    {
        var view = FakeStatusView.AllWell();
        view.Mqtt = new MqttStatus(false, "broker.local:1883", "mqtt-kube", null, null);
        await using var running = await RunningServer.StartAsync(view);

        using var response = await running.Client.GetAsync("/readyz");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal(
            """{"ready":false,"reasons":["mqtt: not connected to broker.local:1883"]}""",
            await response.Content.ReadAsStringAsync());
    }
}
