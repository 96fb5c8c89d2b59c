using MqttKube.Tests.EndToEnd.Clusters;
using MqttKube.Tests.Support.Mosquitto;
using MqttKube.Tests.Support.RealKube;

namespace MqttKube.Tests.EndToEnd;

/// <summary>The API server restarts mid-run (a real kube-apiserver crashes and comes back; the fake stops and serves again).</summary>
[Collection(RealKubeCollection.Name)]
public sealed class ApiServerRestartTests(MosquittoBroker broker, RealKubeControlPlane realKube) : IClassFixture<MosquittoBroker>
{
    [SkippableTheory]
    [ClusterData]
    public async Task After_an_api_server_restart_watches_resume_commands_work_and_nothing_is_published_twice(string clusterName)
    {
        const string bindings = """
              - namespace: NS
                resource: Deployment
                name: jellyfin
                patch: {topic: set, locus: spec.replicas, values: {transform: int}}
                watch: {locus: spec.replicas, topic: state, retain: true}
            """;
        var cluster = await TestCluster.StartAsync(clusterName, realKube);
        await cluster.CreateAsync(Objects.Deployment("jellyfin", cluster.Namespace, replicas: 1));
        await using var service = await ServiceUnderTest.StartAsync(broker, bindings.Replace("NS", cluster.Namespace), cluster);
        await service.WaitForAsync("state", "1");

        await cluster.RestartApiServerAsync();

        // A change made after the restart reaches the service: its watch is back.
        await cluster.ModifyAsync("apps/v1", "Deployment", "jellyfin", o => o["spec"]!["replicas"] = 2);
        await service.WaitForAsync("state", "2");
        await Eventually.WaitAsync(() => service.Host.Status.NotReady().Count == 0, () => "ready again: " + string.Join("; ", service.Host.Status.NotReady()));

        // A command works.
        await service.PublishAsync("set", "3");
        await service.WaitForAsync("state", "3");
        await cluster.WaitForAsync("apps/v1", "Deployment", "jellyfin", d => (int?)d?["spec"]?["replicas"] == 3, "spec.replicas = 3");

        // Sentinel: nothing was published twice (the relist after the restart found the same values).
        await cluster.ModifyAsync("apps/v1", "Deployment", "jellyfin", o => o["spec"]!["replicas"] = 4);
        await service.WaitForAsync("state", "4");
        Assert.Equal(["1", "2", "3", "4"], service.Payloads("state"));
    }
}
