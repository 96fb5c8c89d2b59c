using System.Text.Json.Nodes;
using MqttKube.Tests.Support.Mosquitto;

namespace MqttKube.Tests.EndToEnd;

/// <summary>The original README's appliance: ON/OFF scales a Deployment 1/0 and its state is published back.</summary>
public sealed class DeploymentScenarioTests(MosquittoBroker broker) : IClassFixture<MosquittoBroker>
{
    private const string Bindings = """
          - namespace: media
            resource: Deployment
            name: jellyfin
            patch:
              - topic: jellyfin/power/set
                locus: "spec.replicas"
                values:
                  map:
                    "ON": 1
                    "OFF": 0
            watch:
              - locus: "status.availableReplicas"
                topic: jellyfin/power/state
                qos: 1
                retain: true
                values:
                  1: "ON"
                  ~: "OFF"
        """;

    [Fact]
    public async Task On_and_off_scale_the_deployment_and_the_state_is_published_retained()
    {
        await using var service = await ServiceUnderTest.StartAsync(broker, Bindings, k => k.Upsert(Objects.Deployment("jellyfin")));

        // availableReplicas is absent (Kubernetes omits zeros): ~ maps it to OFF, published retained.
        var off = await service.WaitForAsync("jellyfin/power/state", "OFF");
        Assert.True(off.Retain || service.Client.Messages.Count > 0);

        await service.PublishAsync("jellyfin/power/set", "ON");
        await Eventually.WaitAsync(() => Replicas(service) == 1, "spec.replicas = 1");
        var patch = service.Kube.Requests.Last(r => r.Method == "PATCH");
        Assert.Equal("mqtt-kube", patch["fieldManager"]);
        Assert.Equal("application/json-patch+json", patch.ContentType);

        // The web server tells the same story: ready, healthy, one patch counted, the value on the status page.
        using (var http = new HttpClient { BaseAddress = service.Http })
        {
            Assert.Equal("{\"health\":\"okay\"}", await http.GetStringAsync("api/health"));
            Assert.Equal(System.Net.HttpStatusCode.OK, (await http.GetAsync("readyz")).StatusCode);
            var metrics = await http.GetStringAsync("metrics");
            Assert.Contains("mqtt_kube_patches_total{outcome=\"patched\"} 1", metrics, StringComparison.Ordinal);
            Assert.Contains("mqtt_kube_mqtt_connected 1", metrics, StringComparison.Ordinal);
            Assert.Matches(@"mqtt_kube_mqtt_messages_received_total [1-9]", metrics);
            Assert.Contains("jellyfin/power/state", await http.GetStringAsync(string.Empty), StringComparison.Ordinal);
        }

        // The deployment controller's part: the replica becomes available.
        var from = service.Client.Messages.Count;
        service.Kube.Modify("apps/v1", "Deployment", "media", "jellyfin", o => o["status"] = new JsonObject { ["availableReplicas"] = 1 });
        await service.WaitForAsync("jellyfin/power/state", "ON", from);

        await service.PublishAsync("jellyfin/power/set", "OFF");
        await Eventually.WaitAsync(() => Replicas(service) == 0, "spec.replicas = 0");
        from = service.Client.Messages.Count;
        service.Kube.Modify("apps/v1", "Deployment", "media", "jellyfin", o => o["status"] = new JsonObject());
        await service.WaitForAsync("jellyfin/power/state", "OFF", from);

        // A new subscriber gets the state retained.
        await using var late = await MqttTestClient.ConnectAsync(broker.AnonymousPort);
        await late.SubscribeAsync(service.Topic("jellyfin/power/state"));
        var retained = await late.WaitForAsync(service.Topic("jellyfin/power/state"), "OFF");
        Assert.True(retained.Retain);
    }

    [Fact]
    public async Task A_change_made_by_someone_else_is_published_and_unchanged_values_are_not_republished()
    {
        await using var service = await ServiceUnderTest.StartAsync(broker, Bindings, k => k.Upsert(Objects.Deployment("jellyfin")));
        await service.WaitForAsync("jellyfin/power/state", "OFF");

        service.Kube.Modify("apps/v1", "Deployment", "media", "jellyfin", o => o["status"] = new JsonObject { ["availableReplicas"] = 1 });
        await service.WaitForAsync("jellyfin/power/state", "ON");

        // Several versions of the object with the same locus value: no further publish.
        service.Kube.Modify("apps/v1", "Deployment", "media", "jellyfin", o => o["metadata"]!["labels"]!["touched"] = "1");
        service.Kube.Modify("apps/v1", "Deployment", "media", "jellyfin", o => o["metadata"]!["labels"]!["touched"] = "2");
        service.Kube.Modify("apps/v1", "Deployment", "media", "jellyfin", o => o["status"] = new JsonObject());
        await Eventually.WaitAsync(() => service.Payloads("jellyfin/power/state").Count >= 3, "three publishes");

        // A last change as a sentinel: events are handled in order, so once it is out, every earlier one was handled.
        service.Kube.Modify("apps/v1", "Deployment", "media", "jellyfin", o => o["status"] = new JsonObject { ["availableReplicas"] = 1 });
        await Eventually.WaitAsync(() => service.Payloads("jellyfin/power/state").Count >= 4, "four publishes");
        Assert.Equal(["OFF", "ON", "OFF", "ON"], service.Payloads("jellyfin/power/state"));
    }

    [Fact]
    public async Task A_missing_object_publishes_null_mapped_and_a_patch_creates_nothing()
    {
        await using var service = await ServiceUnderTest.StartAsync(broker, Bindings);
        await service.WaitForAsync("jellyfin/power/state", "OFF");

        await service.PublishAsync("jellyfin/power/set", "ON");
        await Eventually.WaitAsync(() => service.Log.Contains("does not exist", StringComparison.Ordinal), "the missing object is logged");
        Assert.Null(service.Kube.Get("apps/v1", "Deployment", "media", "jellyfin"));

        // The object appears: its value is published; deleted: null again.
        service.Kube.Upsert(Objects.Deployment("jellyfin"));
        service.Kube.Modify("apps/v1", "Deployment", "media", "jellyfin", o => o["status"] = new JsonObject { ["availableReplicas"] = 1 });
        await service.WaitForAsync("jellyfin/power/state", "ON");
        var from = service.Client.Messages.Count;
        service.Kube.Delete("apps/v1", "Deployment", "media", "jellyfin");
        await service.WaitForAsync("jellyfin/power/state", "OFF", from);
    }

    private static long? Replicas(ServiceUnderTest service) =>
        (long?)service.Kube.Get("apps/v1", "Deployment", "media", "jellyfin")?["spec"]?["replicas"];
}
