using MqttKube.Tests.Support.Mosquitto;

namespace MqttKube.Tests.EndToEnd;

/// <summary>Convergence after trouble only the fake API server can make: cut streams, compacted history, runs of errors.</summary>
public sealed class WatchScenarioTests(MosquittoBroker broker) : IClassFixture<MosquittoBroker>
{
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
}
