using System.Text.Json.Nodes;
using MqttKube.Tests.EndToEnd.Clusters;
using MqttKube.Tests.Support.Mosquitto;
using MqttKube.Tests.Support.RealKube;

namespace MqttKube.Tests.EndToEnd;

/// <summary>
/// The original README's appliance: ON/OFF scales a Deployment 1/0 and its state is published back; on the fake and on
/// a real kube-apiserver. The state is <c>status.replicas</c>: a real cluster without nodes never makes a replica
/// available, but its deployment controller does count the replicas it created.
/// </summary>
[Collection(RealKubeCollection.Name)]
public sealed class DeploymentScenarioTests(MosquittoBroker broker, RealKubeControlPlane realKube) : IClassFixture<MosquittoBroker>
{
    private static string Bindings(string ns) => $"""
          - namespace: {ns}
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
              - locus: "status.replicas"
                topic: jellyfin/power/state
                qos: 1
                retain: true
                values:
                  1: "ON"
                  ~: "OFF"
        """;

    [SkippableTheory]
    [ClusterData]
    public async Task On_and_off_scale_the_deployment_and_the_state_is_published_retained(string clusterName)
    {
        var cluster = await TestCluster.StartAsync(clusterName, realKube);
        await cluster.CreateAsync(Objects.Deployment("jellyfin", cluster.Namespace));
        await using var service = await ServiceUnderTest.StartAsync(broker, Bindings(cluster.Namespace), cluster);

        // status.replicas is absent (Kubernetes omits zeros): ~ maps it to OFF, published retained.
        var off = await service.WaitForAsync("jellyfin/power/state", "OFF");
        Assert.True(off.Retain || service.Client.Messages.Count > 0);

        var from = service.Client.Messages.Count;
        await service.PublishAsync("jellyfin/power/set", "ON");
        await cluster.WaitForAsync("apps/v1", "Deployment", "jellyfin", o => Replicas(o) == 1, "spec.replicas = 1");
        Assert.Contains("mqtt-kube", Managers(await cluster.GetAsync("apps/v1", "Deployment", "jellyfin")));
        if (cluster.Fake is { } fake)
        {
            var patch = fake.Requests.Last(r => r.Method == "PATCH");
            Assert.Equal("mqtt-kube", patch["fieldManager"]);
            Assert.Equal("application/json-patch+json", patch.ContentType);
        }

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

        // The deployment controller's part: it counts the replica.
        await cluster.ControllerReportsAsync("apps/v1", "Deployment", "jellyfin", new JsonObject { ["replicas"] = 1 });
        await service.WaitForAsync("jellyfin/power/state", "ON", from);

        from = service.Client.Messages.Count;
        await service.PublishAsync("jellyfin/power/set", "OFF");
        await cluster.WaitForAsync("apps/v1", "Deployment", "jellyfin", o => Replicas(o) == 0, "spec.replicas = 0");
        await cluster.ControllerReportsAsync("apps/v1", "Deployment", "jellyfin", new JsonObject { ["replicas"] = null });
        await service.WaitForAsync("jellyfin/power/state", "OFF", from);

        // A new subscriber gets the state retained.
        await using var late = await MqttTestClient.ConnectAsync(broker.AnonymousPort);
        await late.SubscribeAsync(service.Topic("jellyfin/power/state"));
        var retained = await late.WaitForAsync(service.Topic("jellyfin/power/state"), "OFF");
        Assert.True(retained.Retain);
    }

    [SkippableTheory]
    [ClusterData]
    public async Task A_change_made_by_someone_else_is_published_and_unchanged_values_are_not_republished(string clusterName)
    {
        var cluster = await TestCluster.StartAsync(clusterName, realKube);
        await cluster.CreateAsync(Objects.Deployment("jellyfin", cluster.Namespace));
        await using var service = await ServiceUnderTest.StartAsync(broker, Bindings(cluster.Namespace), cluster);
        await service.WaitForAsync("jellyfin/power/state", "OFF");

        await ScaleAsync(cluster, 1);
        await service.WaitForAsync("jellyfin/power/state", "ON");

        // Several versions of the object with the same locus value: no further publish.
        await cluster.ModifyAsync("apps/v1", "Deployment", "jellyfin", o => o["metadata"]!["labels"]!["touched"] = "1");
        await cluster.ModifyAsync("apps/v1", "Deployment", "jellyfin", o => o["metadata"]!["labels"]!["touched"] = "2");
        await ScaleAsync(cluster, 0);
        await Eventually.WaitAsync(() => service.Payloads("jellyfin/power/state").Count >= 3, "three publishes");

        // A last change as a sentinel: events are handled in order, so once it is out, every earlier one was handled.
        await ScaleAsync(cluster, 1);
        await Eventually.WaitAsync(() => service.Payloads("jellyfin/power/state").Count >= 4, "four publishes");
        Assert.Equal(["OFF", "ON", "OFF", "ON"], service.Payloads("jellyfin/power/state"));
    }

    [SkippableTheory]
    [ClusterData]
    public async Task A_missing_object_publishes_null_mapped_and_a_patch_creates_nothing(string clusterName)
    {
        var cluster = await TestCluster.StartAsync(clusterName, realKube);
        await using var service = await ServiceUnderTest.StartAsync(broker, Bindings(cluster.Namespace), cluster);
        await service.WaitForAsync("jellyfin/power/state", "OFF");

        await service.PublishAsync("jellyfin/power/set", "ON");
        await Eventually.WaitAsync(() => service.Log.Contains("does not exist", StringComparison.Ordinal), "the missing object is logged");
        Assert.Null(await cluster.GetAsync("apps/v1", "Deployment", "jellyfin"));

        // The object appears: its value is published; deleted: null again.
        await cluster.CreateAsync(Objects.Deployment("jellyfin", cluster.Namespace, replicas: 1));
        await cluster.ControllerReportsAsync("apps/v1", "Deployment", "jellyfin", new JsonObject { ["replicas"] = 1 });
        await service.WaitForAsync("jellyfin/power/state", "ON");
        var from = service.Client.Messages.Count;
        Assert.True(await cluster.DeleteAsync("apps/v1", "Deployment", "jellyfin"));
        await service.WaitForAsync("jellyfin/power/state", "OFF", from);
    }

    /// <summary>Someone else scales the deployment (kubectl scale) and its controller counts the replicas.</summary>
    private static async Task ScaleAsync(TestCluster cluster, int replicas)
    {
        await cluster.ModifyAsync("apps/v1", "Deployment", "jellyfin", o => o["spec"]!["replicas"] = replicas);
        await cluster.ControllerReportsAsync("apps/v1", "Deployment", "jellyfin", new JsonObject { ["replicas"] = replicas == 0 ? null : replicas });
    }

    private static long? Replicas(JsonObject? deployment) => (long?)deployment?["spec"]?["replicas"];

    /// <summary>The field managers that wrote the object (metadata.managedFields).</summary>
    private static IEnumerable<string?> Managers(JsonObject? obj) =>
        (obj?["metadata"]?["managedFields"] as JsonArray ?? []).Select(m => (string?)m?["manager"]);
}
