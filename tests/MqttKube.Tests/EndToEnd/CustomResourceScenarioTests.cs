using System.Text.Json.Nodes;
using MqttKube.Tests.EndToEnd.Clusters;
using MqttKube.Tests.Support.Mosquitto;
using MqttKube.Tests.Support.RealKube;

namespace MqttKube.Tests.EndToEnd;

/// <summary>Custom resources (installed by a CRD), cluster-scoped kinds and kinds not (yet) served; on the fake and on a real kube-apiserver.</summary>
[Collection(RealKubeCollection.Name)]
public sealed class CustomResourceScenarioTests(MosquittoBroker broker, RealKubeControlPlane realKube) : IClassFixture<MosquittoBroker>
{
    [SkippableTheory]
    [ClusterData]
    public async Task A_custom_resource_and_a_cluster_scoped_kind_work_like_the_others(string clusterName)
    {
        const string bindings = """
              - namespace: NS
                resource: widget
                api-version: example.com/v1
                name: w1
                watch: {locus: "{.status.phase}", topic: widgets/w1/phase}
                patch: {topic: widgets/w1/set, locus: "$.spec.speed", values: {transform: int}}
              - resource: nodes
                name: NODE
                watch: {locus: "spec.unschedulable", topic: nodes/edge-1/cordoned, values: {map: {true: "yes", ~: "no"}}}
                patch: {topic: nodes/edge-1/cordon, locus: "spec.unschedulable", values: {map: {"yes": true, "no": false}}}
            """;
        var cluster = await TestCluster.StartAsync(clusterName, realKube);
        await cluster.RegisterCustomResourceAsync(CustomResourceType.Widget);
        await cluster.CreateAsync(Objects.Widget("w1", cluster.Namespace, speed: 1));
        await cluster.WriteStatusAsync("example.com/v1", "Widget", "w1", new JsonObject { ["phase"] = "Idle" });
        var node = cluster.UniqueName("edge-1");
        await cluster.CreateAsync(Objects.Node(node));
        await using var service = await ServiceUnderTest.StartAsync(broker, bindings.Replace("NS", cluster.Namespace).Replace("NODE", node), cluster);

        await service.WaitForAsync("widgets/w1/phase", "Idle");
        await service.WaitForAsync("nodes/edge-1/cordoned", "no");

        await service.PublishAsync("widgets/w1/set", " 7 ");
        await cluster.WaitForAsync("example.com/v1", "Widget", "w1", w => (int?)w?["spec"]?["speed"] == 7, "speed = 7");

        // A real cluster's node lifecycle controller writes the node meanwhile (taints): the patch still lands.
        await service.PublishAsync("nodes/edge-1/cordon", "yes");
        await service.WaitForAsync("nodes/edge-1/cordoned", "yes");
        Assert.Equal(true, (bool?)(await cluster.GetAsync("v1", "Node", node))?["spec"]?["unschedulable"]);
    }

    [SkippableTheory]
    [ClusterData]
    public async Task A_binding_of_an_unknown_kind_waits_while_the_others_run(string clusterName)
    {
        const string bindings = """
              - namespace: NS
                resource: gadget
                api-version: example.com/v1
                name: g1
                watch: {locus: status.phase, topic: gadget}
              - namespace: NS
                resource: Deployment
                name: jellyfin
                watch: {locus: spec.replicas, topic: state}
            """;
        var cluster = await TestCluster.StartAsync(clusterName, realKube);
        await cluster.CreateAsync(Objects.Deployment("jellyfin", cluster.Namespace, replicas: 1));
        await using var service = await ServiceUnderTest.StartAsync(broker, bindings.Replace("NS", cluster.Namespace), cluster, waitReady: false);
        await service.WaitForAsync("state", "1");

        // Its retries are logged and readiness names it, whenever the first attempt happens to end: no fixed order of the two.
        await Eventually.WaitAsync(
            () => service.Log.Contains("cannot start", StringComparison.Ordinal)
                && service.Host.Status.NotReady().Any(r => r.Contains("gadget", StringComparison.Ordinal)),
            () => $"the waiting binding is logged and not ready: [{string.Join("; ", service.Host.Status.NotReady())}]\n{service.Log}");
    }

    /// <summary>
    /// Custom resources may nest far deeper than System.Text.Json's default 64 (the API server allows 10,000): one such
    /// object in a namespace must not break the shared list+watch of its kind for the others there.
    /// </summary>
    [SkippableTheory]
    [ClusterData]
    public async Task A_deeply_nested_object_does_not_break_the_watch_of_its_neighbours(string clusterName)
    {
        const string bindings = """
              - namespace: NS
                resource: widget
                api-version: example.com/v1
                name: w1
                watch: {locus: status.phase, topic: w1/phase}
              - namespace: NS
                resource: widget
                api-version: example.com/v1
                name: deep
                watch: {locus: metadata.name, topic: deep/name}
            """;
        var cluster = await TestCluster.StartAsync(clusterName, realKube);
        await cluster.RegisterCustomResourceAsync(CustomResourceType.Widget);
        await cluster.CreateAsync(Objects.Widget("w1", cluster.Namespace, speed: 1));
        await cluster.WriteStatusAsync("example.com/v1", "Widget", "w1", new JsonObject { ["phase"] = "Idle" });
        await cluster.CreateAsync(Objects.DeepWidget("deep", cluster.Namespace, depth: 2000));
        await using var service = await ServiceUnderTest.StartAsync(broker, bindings.Replace("NS", cluster.Namespace), cluster, waitReady: false);

        // In the first list: the neighbour is published.
        await service.WaitForAsync("w1/phase", "Idle");

        // In the watch: another deep object arrives, then the neighbour changes; the change is published.
        await cluster.CreateAsync(Objects.DeepWidget("deeper", cluster.Namespace, depth: 2000));
        await cluster.WriteStatusAsync("example.com/v1", "Widget", "w1", new JsonObject { ["phase"] = "Running" });
        await service.WaitForAsync("w1/phase", "Running");

        // The deep object itself is published, or skipped with a log line that names it and says why.
        await Eventually.WaitAsync(
            () => service.Payloads("deep/name").Contains("deep") || service.Log.Split('\n').Any(SaysDeepWasSkipped),
            () => "the deep object published or its skipping logged:\n" + service.Log);
    }

    private static bool SaysDeepWasSkipped(string line) =>
        line.Contains("deep", StringComparison.Ordinal)
        && (line.Contains("skip", StringComparison.OrdinalIgnoreCase) || line.Contains("depth", StringComparison.OrdinalIgnoreCase) || line.Contains("nest", StringComparison.OrdinalIgnoreCase));
}
