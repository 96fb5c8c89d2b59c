using System.Text.Json.Nodes;
using MqttKube.Tests.EndToEnd.Clusters;
using MqttKube.Tests.Support.Mosquitto;
using MqttKube.Tests.Support.RealKube;

namespace MqttKube.Tests.EndToEnd;

/// <summary>DaemonSets and StatefulSets, their status reported by their controllers; on the fake and on a real kube-apiserver.</summary>
[Collection(RealKubeCollection.Name)]
public sealed class WorkloadScenarioTests(MosquittoBroker broker, RealKubeControlPlane realKube) : IClassFixture<MosquittoBroker>
{
    [SkippableTheory]
    [ClusterData]
    public async Task A_daemonset_watch_publishes_its_ready_count_and_what_its_controller_observed(string clusterName)
    {
        const string bindings = """
              - namespace: NS
                resource: DaemonSet
                name: kube-proxy
                watch:
                  - locus: "$.status.numberReady"
                    topic: kube-proxy/ready
                    values:
                      map:
                        0: "none ready"
                        "lambda v: v > 0": "{value} ready"
                  - locus: status.observedGeneration
                    topic: kube-proxy/generation
            """;
        var cluster = await TestCluster.StartAsync(clusterName, realKube);
        await cluster.CreateAsync(Objects.DaemonSet("kube-proxy", cluster.Namespace, ready: 2));
        await using var service = await ServiceUnderTest.StartAsync(broker, bindings.Replace("NS", cluster.Namespace), cluster);

        // A cluster without nodes wants no daemon pod: none ready.
        await cluster.ControllerReportsAsync("apps/v1", "DaemonSet", "kube-proxy", new JsonObject { ["numberReady"] = 0, ["observedGeneration"] = 1 });
        await service.WaitForAsync("kube-proxy/ready", "none ready");
        await service.WaitForAsync("kube-proxy/generation", "1");

        // A new pod template: generation 2, which the controller observes.
        await cluster.ModifyAsync("apps/v1", "DaemonSet", "kube-proxy", o => o["spec"]!["template"]!["metadata"]!["labels"]!["rev"] = "2");
        await cluster.ControllerReportsAsync("apps/v1", "DaemonSet", "kube-proxy", new JsonObject { ["observedGeneration"] = 2 });
        await service.WaitForAsync("kube-proxy/generation", "2");

        if (cluster.Fake is not null)
        {
            // Only the fake can have ready daemon pods (the real cluster has no nodes).
            await cluster.ControllerReportsAsync("apps/v1", "DaemonSet", "kube-proxy", new JsonObject { ["numberReady"] = 3 });
            await service.WaitForAsync("kube-proxy/ready", "3 ready");
        }
    }

    [SkippableTheory]
    [ClusterData]
    public async Task On_and_off_scale_a_statefulset_and_its_replica_count_is_published(string clusterName)
    {
        const string bindings = """
              - namespace: NS
                resource: sts
                name: db
                patch: {topic: db/power/set, locus: spec.replicas, values: {map: {"ON": 1, "OFF": 0}}}
                watch: {locus: status.replicas, topic: db/power/state, values: {1: "ON", 0: "OFF"}}
            """;
        var cluster = await TestCluster.StartAsync(clusterName, realKube);
        await cluster.CreateAsync(Objects.StatefulSet("db", cluster.Namespace, replicas: 0));
        await cluster.ControllerReportsAsync("apps/v1", "StatefulSet", "db", new JsonObject { ["replicas"] = 0 });
        await using var service = await ServiceUnderTest.StartAsync(broker, bindings.Replace("NS", cluster.Namespace), cluster);
        await service.WaitForAsync("db/power/state", "OFF");

        var from = service.Client.Messages.Count;
        await service.PublishAsync("db/power/set", "ON");
        await cluster.WaitForAsync("apps/v1", "StatefulSet", "db", o => (int?)o?["spec"]?["replicas"] == 1, "spec.replicas = 1");
        await cluster.ControllerReportsAsync("apps/v1", "StatefulSet", "db", new JsonObject { ["replicas"] = 1 });
        await service.WaitForAsync("db/power/state", "ON", from);

        from = service.Client.Messages.Count;
        await service.PublishAsync("db/power/set", "OFF");
        await cluster.WaitForAsync("apps/v1", "StatefulSet", "db", o => (int?)o?["spec"]?["replicas"] == 0, "spec.replicas = 0");
        await cluster.ControllerReportsAsync("apps/v1", "StatefulSet", "db", new JsonObject { ["replicas"] = 0 });
        await service.WaitForAsync("db/power/state", "OFF", from);
    }
}
