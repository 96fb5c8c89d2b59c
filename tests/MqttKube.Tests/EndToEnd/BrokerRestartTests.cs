using MqttKube.Tests.EndToEnd.Clusters;
using MqttKube.Tests.Support.Mosquitto;
using MqttKube.Tests.Support.RealKube;

namespace MqttKube.Tests.EndToEnd;

/// <summary>The broker goes away mid-run: commands after it work and the state is republished; on the fake and on a real kube-apiserver.</summary>
[Collection(RealKubeCollection.Name)]
public sealed class BrokerRestartTests(MosquittoBroker broker, RealKubeControlPlane realKube) : IClassFixture<MosquittoBroker>
{
    [SkippableTheory]
    [ClusterData]
    public async Task After_a_broker_restart_commands_work_and_state_is_republished(string clusterName)
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

        await broker.StopAsync();
        await Eventually.WaitAsync(() => !service.Host.Mqtt.IsConnected, "the service sees the broker go");
        await cluster.ModifyAsync("apps/v1", "Deployment", "jellyfin", o => o["spec"]!["replicas"] = 2);

        // Not ready while the broker is away, but alive: an outage is no reason to restart the pod.
        using (var http = new HttpClient { BaseAddress = service.Http })
        {
            var ready = await http.GetAsync("readyz");
            Assert.Equal(System.Net.HttpStatusCode.ServiceUnavailable, ready.StatusCode);
            Assert.Contains("mqtt: not connected", await ready.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            Assert.Equal(System.Net.HttpStatusCode.OK, (await http.GetAsync("healthz")).StatusCode);
        }

        await broker.StartAsync();
        var back = System.Diagnostics.Stopwatch.StartNew();
        await Eventually.WaitAsync(() => service.Host.Mqtt.IsConnected, "the service reconnects");

        // The back-off starts at 1 s (SPEC 7): a short outage costs a few seconds, not a long wait (a generous bound).
        Assert.True(back.Elapsed < TimeSpan.FromSeconds(8), $"reconnected {back.Elapsed} after the broker was back");

        await using var client = await MqttTestClient.ConnectAsync(broker.AnonymousPort);
        await client.SubscribeAsync(service.Topic("#"));
        await client.WaitForAsync(service.Topic("state"), "2");

        await client.PublishAsync(service.Topic("set"), "3");
        await client.WaitForAsync(service.Topic("state"), "3");
    }
}
