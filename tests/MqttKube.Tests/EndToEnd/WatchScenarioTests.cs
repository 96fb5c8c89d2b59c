using System.Text.Json.Nodes;
using MqttKube.Tests.Support.Mosquitto;

namespace MqttKube.Tests.EndToEnd;

/// <summary>Watches of other kinds (DaemonSet, custom resources, cluster-scoped), and convergence after trouble.</summary>
public sealed class WatchScenarioTests(MosquittoBroker broker) : IClassFixture<MosquittoBroker>
{
    [Fact]
    public async Task A_daemonset_watch_publishes_its_ready_count()
    {
        const string bindings = """
              - namespace: kube-system
                resource: DaemonSet
                name: kube-proxy
                watch:
                  locus: "$.status.numberReady"
                  topic: kube-proxy/ready
                  values:
                    map:
                      ~: "none ready"
                      "lambda v: v > 0": "{value} ready"
            """;
        await using var service = await ServiceUnderTest.StartAsync(broker, bindings, k => k.Upsert(Objects.DaemonSet("kube-proxy", "kube-system", 2)));
        await service.WaitForAsync("kube-proxy/ready", "2 ready");
        service.Kube.Modify("apps/v1", "DaemonSet", "kube-system", "kube-proxy", o => o["status"]!["numberReady"] = 3);
        await service.WaitForAsync("kube-proxy/ready", "3 ready");
    }

    [Fact]
    public async Task A_custom_resource_and_a_cluster_scoped_kind_work_like_the_others()
    {
        const string bindings = """
              - namespace: iot
                resource: widget
                api-version: example.com/v1
                name: w1
                watch: {locus: "{.status.phase}", topic: widgets/w1/phase}
                patch: {topic: widgets/w1/set, locus: "$.spec.speed", values: {transform: int}}
              - resource: nodes
                name: edge-1
                watch: {locus: "spec.unschedulable", topic: nodes/edge-1/cordoned, values: {map: {true: "yes", ~: "no"}}}
                patch: {topic: nodes/edge-1/cordon, locus: "spec.unschedulable", values: {map: {"yes": true, "no": false}}}
            """;
        await using var service = await ServiceUnderTest.StartAsync(broker, bindings, k =>
        {
            k.RegisterCustomResource("example.com", "v1", "Widget", "widgets", namespaced: true, "wd");
            k.Upsert("""{"apiVersion":"example.com/v1","kind":"Widget","metadata":{"name":"w1","namespace":"iot"},"spec":{"speed":1},"status":{"phase":"Idle"}}""");
            k.Upsert("""{"apiVersion":"v1","kind":"Node","metadata":{"name":"edge-1"},"spec":{}}""");
        });

        await service.WaitForAsync("widgets/w1/phase", "Idle");
        await service.WaitForAsync("nodes/edge-1/cordoned", "no");

        await service.PublishAsync("widgets/w1/set", " 7 ");
        await Eventually.WaitAsync(() => (int?)service.Kube.Get("example.com/v1", "Widget", "iot", "w1")?["spec"]?["speed"] == 7, "speed = 7");

        await service.PublishAsync("nodes/edge-1/cordon", "yes");
        await service.WaitForAsync("nodes/edge-1/cordoned", "yes");
        Assert.Equal(true, (bool?)service.Kube.Get("v1", "Node", null, "edge-1")?["spec"]?["unschedulable"]);
    }

    [Fact]
    public async Task After_a_cut_stream_and_a_410_the_final_state_converges_without_duplicate_publishes()
    {
        const string bindings = """
              - namespace: media
                resource: Deployment
                name: jellyfin
                watch: {locus: spec.replicas, topic: jellyfin/replicas}
            """;
        await using var service = await ServiceUnderTest.StartAsync(broker, bindings, k => k.Upsert(Objects.Deployment("jellyfin", replicas: 1)));
        await service.WaitForAsync("jellyfin/replicas", "1");

        service.Kube.CutWatches();
        service.Kube.Modify("apps/v1", "Deployment", "media", "jellyfin", o => o["spec"]!["replicas"] = 2);
        await service.WaitForAsync("jellyfin/replicas", "2");

        service.Kube.ExpireHistory();
        service.Kube.CutWatches();
        service.Kube.Modify("apps/v1", "Deployment", "media", "jellyfin", o => o["metadata"]!["labels"]!["x"] = "y");
        service.Kube.Modify("apps/v1", "Deployment", "media", "jellyfin", o => o["spec"]!["replicas"] = 3);
        await service.WaitForAsync("jellyfin/replicas", "3");

        // Sentinel: nothing else was published in between (no duplicate of an unchanged value after the relist).
        service.Kube.Modify("apps/v1", "Deployment", "media", "jellyfin", o => o["spec"]!["replicas"] = 4);
        await service.WaitForAsync("jellyfin/replicas", "4");
        Assert.Equal(["1", "2", "3", "4"], service.Payloads("jellyfin/replicas"));
    }

    [Fact]
    public async Task Api_errors_are_retried_and_the_service_keeps_serving()
    {
        const string bindings = """
              - namespace: media
                resource: Deployment
                name: jellyfin
                patch: {topic: set, locus: spec.replicas, values: {transform: int}}
                watch: {locus: spec.replicas, topic: state}
            """;
        await using var service = await ServiceUnderTest.StartAsync(broker, bindings, k => k.Upsert(Objects.Deployment("jellyfin", replicas: 1)));
        await service.WaitForAsync("state", "1");

        // Two 500s on the write: the command is retried and lands.
        service.Kube.InjectFailures(r => r.Method == "PATCH", 500, count: 2);
        await service.PublishAsync("set", "2");
        await service.WaitForAsync("state", "2");

        // A run of 500s on the watch: it recovers and reports later changes.
        service.Kube.InjectFailures(r => r.IsWatch || r.Method == "GET", 500, count: 3);
        service.Kube.CutWatches();
        service.Kube.Modify("apps/v1", "Deployment", "media", "jellyfin", o => o["spec"]!["replicas"] = 5);
        await service.WaitForAsync("state", "5");

        // Bad payloads are ignored with a warning: not an int, binary, over 256 KiB.
        await service.PublishAsync("set", "many");
        await service.Client.PublishAsync(service.Topic("set"), [0xff, 0xfe, 0x00, 0x01]);
        await service.PublishAsync("set", new string('9', 300 * 1024));
        await service.PublishAsync("set", "6");
        await service.WaitForAsync("state", "6");
        Assert.Contains("binary payload", service.Log, StringComparison.Ordinal);
        Assert.Contains("transform failed", service.Log, StringComparison.Ordinal);
        Assert.Empty(service.Host.Status.Dead());
    }

    [Fact]
    public async Task A_binding_of_an_unknown_kind_waits_while_the_others_run()
    {
        const string bindings = """
              - namespace: iot
                resource: gadget
                api-version: example.com/v1
                name: g1
                watch: {locus: status.phase, topic: gadget}
              - namespace: media
                resource: Deployment
                name: jellyfin
                watch: {locus: spec.replicas, topic: state}
            """;
        await using var service = await ServiceUnderTest.StartAsync(broker, bindings, k => k.Upsert(Objects.Deployment("jellyfin", replicas: 1)), waitReady: false);
        await service.WaitForAsync("state", "1");
        Assert.Contains(service.Host.Status.NotReady(), r => r.Contains("gadget", StringComparison.Ordinal));
        Assert.Contains("cannot start", service.Log, StringComparison.Ordinal);
    }
}
