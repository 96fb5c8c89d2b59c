using System.Text.Json.Nodes;
using MqttKube.Tests.EndToEnd.Clusters;
using MqttKube.Tests.Support.Mosquitto;
using MqttKube.Tests.Support.RealKube;

namespace MqttKube.Tests.EndToEnd;

/// <summary>
/// Selector bindings (SPEC 12) on the fake and on a real kube-apiserver: one binding binds every labelled Deployment
/// as it comes and goes, publishes each on a topic of its own, clears the retained topic of one that is unlabelled,
/// and routes a command on <c>{namespace}/{name}/replicas/set</c> to the object the topic names.
/// </summary>
[Collection(RealKubeCollection.Name)]
public sealed class SelectorScenarioTests(MosquittoBroker broker, RealKubeControlPlane realKube) : IClassFixture<MosquittoBroker>
{
    private static string Bindings(string ns) => $"""
          - namespace: {ns}
            resource: Deployment
            selector: mqtt-kube/expose=true
            watch:
              - locus: $.spec.replicas
                topic: "{'{'}namespace{'}'}/{'{'}name{'}'}/replicas"
                retain: true
            patch:
              - topic: "{'{'}namespace{'}'}/{'{'}name{'}'}/replicas/set"
                locus: $.spec.replicas
                values: {'{'}transform: int{'}'}
        """;

    [SkippableTheory]
    [ClusterData]
    public async Task A_selector_binding_follows_its_objects_as_they_are_labelled_and_unlabelled(string clusterName)
    {
        var cluster = await TestCluster.StartAsync(clusterName, realKube);
        var ns = cluster.Namespace;
        foreach (var (name, replicas) in new[] { ("alpha", 1), ("beta", 2), ("gamma", 3) })
        {
            await cluster.CreateAsync(Labelled(Objects.Deployment(name, ns, replicas), expose: true));
        }

        await cluster.CreateAsync(Labelled(Objects.Deployment("delta", ns, 4), expose: false));
        await using var service = await ServiceUnderTest.StartAsync(broker, Bindings(ns), cluster);

        await service.WaitForAsync($"{ns}/alpha/replicas", "1");
        await service.WaitForAsync($"{ns}/beta/replicas", "2");
        var gamma = await service.WaitForAsync($"{ns}/gamma/replicas", "3");
        Assert.True(gamma.Retain || service.Client.Messages.Count > 0);
        Assert.Empty(service.Payloads($"{ns}/delta/replicas"));

        // labelled at run time: bound and published, with no new list.
        var from = service.Client.Messages.Count;
        await cluster.ModifyAsync("apps/v1", "Deployment", "delta", o => SetExpose(o, true));
        await service.WaitForAsync($"{ns}/delta/replicas", "4", from);

        // unlabelled: unbound, its retained topic cleared.
        from = service.Client.Messages.Count;
        await cluster.ModifyAsync("apps/v1", "Deployment", "beta", o => SetExpose(o, false));
        await service.WaitForAsync($"{ns}/beta/replicas", string.Empty, from);

        // a command patches the object its topic names, and only that one.
        from = service.Client.Messages.Count;
        await service.PublishAsync($"{ns}/gamma/replicas/set", "5");
        await cluster.WaitForAsync("apps/v1", "Deployment", "gamma", o => (int?)o?["spec"]?["replicas"] == 5, "gamma scaled to 5");
        await service.WaitForAsync($"{ns}/gamma/replicas", "5", from);
        Assert.Equal(1, (int?)(await cluster.GetAsync("apps/v1", "Deployment", "alpha"))?["spec"]?["replicas"]);

        // a command for an object that is not bound is dropped: beta keeps its 2 replicas.
        await service.PublishAsync($"{ns}/beta/replicas/set", "7");
        await service.PublishAsync($"{ns}/alpha/replicas/set", "6");
        await cluster.WaitForAsync("apps/v1", "Deployment", "alpha", o => (int?)o?["spec"]?["replicas"] == 6, "alpha scaled to 6");
        Assert.Equal(2, (int?)(await cluster.GetAsync("apps/v1", "Deployment", "beta"))?["spec"]?["replicas"]);

        if (cluster.Fake is { } fake)
        {
            // one list (and its watches) for every object: the API server filters by the selector, the objects that come
            // and go at run time cost no request.
            var requests = fake.Requests.Where(r => r.Method == "GET" && r.Path.EndsWith("/deployments", StringComparison.Ordinal)).ToList();
            Assert.Single(requests, r => !r.IsWatch);
            Assert.All(requests, r => Assert.Equal("mqtt-kube/expose=true", r["labelSelector"]));
        }
    }

    private static string Labelled(string json, bool expose)
    {
        var obj = JsonNode.Parse(json)!.AsObject();
        SetExpose(obj, expose);
        return obj.ToJsonString();
    }

    private static void SetExpose(JsonObject obj, bool expose)
    {
        var metadata = obj["metadata"]!.AsObject();
        var labels = metadata["labels"] as JsonObject ?? [];
        metadata["labels"] = labels;
        labels["mqtt-kube/expose"] = expose ? "true" : "false";
    }
}
