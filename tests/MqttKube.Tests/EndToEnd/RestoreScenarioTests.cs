using System.Text.Json.Nodes;
using MqttKube.Tests.EndToEnd.Clusters;
using MqttKube.Tests.Support.Mosquitto;
using MqttKube.Tests.Support.RealKube;

namespace MqttKube.Tests.EndToEnd;

/// <summary>SPEC 14 on the fake and a real kube-apiserver: OFF then ON brings back 3 replicas, not 1.</summary>
[Collection(RealKubeCollection.Name)]
public sealed class RestoreScenarioTests(MosquittoBroker broker, RealKubeControlPlane realKube) : IClassFixture<MosquittoBroker>
{
    private static string Bindings(string ns) => $"""
          - namespace: {ns}
            resource: Deployment
            name: jellyfin
            patch:
              - topic: jellyfin/power/set
                locus: $.spec.replicas
                restore: true
                values:
                  map:
                    "ON": 1
                    "OFF": 0
        """;

    [SkippableTheory]
    [ClusterData]
    public async Task Off_then_on_restores_three_replicas(string clusterName)
    {
        var cluster = await TestCluster.StartAsync(clusterName, realKube);
        await cluster.CreateAsync(Objects.Deployment("jellyfin", cluster.Namespace, replicas: 3));
        await using var service = await ServiceUnderTest.StartAsync(broker, Bindings(cluster.Namespace), cluster);

        await service.PublishAsync("jellyfin/power/set", "OFF");
        await cluster.WaitForAsync("apps/v1", "Deployment", "jellyfin", o => Replicas(o) == 0 && Recorded(o) == "3", "spec.replicas = 0, 3 recorded");
        if (cluster.Fake is { } fake)
        {
            // One guarded request: the test of the resourceVersion, the write and the record.
            var patch = JsonNode.Parse(fake.Requests.Last(r => r.Method == "PATCH").Body)!.AsArray();
            Assert.Equal(["test", "replace", "add"], patch.Select(o => (string?)o!["op"]));
        }

        await service.PublishAsync("jellyfin/power/set", "ON");
        await cluster.WaitForAsync("apps/v1", "Deployment", "jellyfin", o => Replicas(o) == 3 && Recorded(o) is null, "spec.replicas = 3, the record removed");

        // Without a record, ON is an ordinary write of 1.
        await cluster.ModifyAsync("apps/v1", "Deployment", "jellyfin", o => o["spec"]!["replicas"] = 0);
        await service.PublishAsync("jellyfin/power/set", "ON");
        await cluster.WaitForAsync("apps/v1", "Deployment", "jellyfin", o => Replicas(o) == 1, "spec.replicas = 1");
    }

    private static long? Replicas(JsonObject? deployment) =>
        deployment?["spec"]?["replicas"] is { } n ? long.Parse(n.ToJsonString(), System.Globalization.CultureInfo.InvariantCulture) : null;

    private static string? Recorded(JsonObject? deployment) => (string?)deployment?["metadata"]?["annotations"]?["mqtt-kube/restore.replicas"];
}
