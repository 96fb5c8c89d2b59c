using System.Text.Json.Nodes;
using MqttKube.Bindings;
using MqttKube.Tests.EndToEnd.Clusters;
using MqttKube.Tests.Support.Mosquitto;

namespace MqttKube.Tests.EndToEnd;

/// <summary>
/// A hot reload that moves the topics (SPEC 16, 7, 13) as Home Assistant sees it: nothing stale stays retained under
/// the old prefix, the availability topic moves, and the discovery payloads name the new topics.
/// </summary>
public sealed class HotReloadTopicTests(MosquittoBroker broker) : IClassFixture<MosquittoBroker>
{
    private const string Jellyfin = """
          - namespace: media
            resource: Deployment
            name: jellyfin
            watch: {locus: spec.replicas, topic: jellyfin/replicas, retain: true, homeassistant: {component: sensor, name: Replicas}}
        """;

    [Fact]
    public async Task A_new_topic_prefix_and_status_topic_clear_the_old_retained_states_and_announce_the_new_topics()
    {
        var ha = "ha-" + Guid.NewGuid().ToString("N")[..8];
        var cluster = await FakeCluster.StartAsync(k => k.Upsert(Objects.Deployment("jellyfin", replicas: 2)));
        await using var service = await ServiceUnderTest.StartAsync(broker, Jellyfin, cluster, sections: $"homeassistant: {{discovery-prefix: {ha}, status-topic: {ha}/status}}");
        var client = service.Client;
        await client.SubscribeAsync(ha + "/#");
        await service.WaitForAsync("jellyfin/replicas", "2");
        await service.WaitForAsync("status", "online");
        var (device, _) = await DiscoveryAsync(client, ha, 0);
        var moved = service.Prefix + "-moved";
        await client.SubscribeAsync(moved + "/#");
        var mark = client.Messages.Count;

        var config = await File.ReadAllTextAsync(service.ConfigPath);
        await File.WriteAllTextAsync(service.ConfigPath, config.Replace($"topic-prefix: {service.Prefix}", $"topic-prefix: {moved}\n  status-topic: availability", StringComparison.Ordinal));

        await Eventually.WaitAsync(() => service.Host.Status.Reloader!.Status.LastOutcome == ReloadOutcome.Applied, () => "the reload: " + service.Log);
        await client.WaitForAsync(moved + "/jellyfin/replicas", "2", mark);
        await client.WaitForAsync(service.Topic("jellyfin/replicas"), string.Empty, mark); // the old retained state is cleared
        await client.WaitForAsync(moved + "/availability", "online", mark);
        await client.WaitForAsync(service.Topic("status"), "offline", mark);
        var (again, discovery) = await DiscoveryAsync(client, ha, mark);
        Assert.Equal(device, again); // the same device, announced again with the new topics
        Assert.Equal(moved + "/availability", (string?)discovery["availability"]![0]!["topic"]);
        Assert.Equal(moved + "/jellyfin/replicas", (string?)discovery["cmps"]!.AsObject().Single().Value!["state_topic"]);

        // What a client arriving now finds retained: under the old prefix only 'offline'; under the new one the state.
        await using var late = await MqttTestClient.ConnectAsync(broker.AnonymousPort);
        await late.SubscribeAsync(service.Prefix + "/#");
        await late.SubscribeAsync(moved + "/#");
        await late.PublishAsync(moved + "/end-of-retained", "x"); // after the retained messages of both subscriptions
        await late.WaitForAsync(moved + "/end-of-retained", "x");
        string[] retained = [$"{service.Topic("status")}=offline", $"{moved}/availability=online", $"{moved}/jellyfin/replicas=2"];
        Assert.Equal(retained.Order(StringComparer.Ordinal), late.Messages.Where(m => m.Retain).Select(m => $"{m.Topic}={m.Payload}").Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_new_discovery_prefix_moves_the_devices_and_removing_homeassistant_clears_them()
    {
        var ha = "ha-" + Guid.NewGuid().ToString("N")[..8];
        var cluster = await FakeCluster.StartAsync(k => k.Upsert(Objects.Deployment("jellyfin", replicas: 2)));
        await using var service = await ServiceUnderTest.StartAsync(broker, Jellyfin, cluster, sections: $"homeassistant: {{discovery-prefix: {ha}, status-topic: {ha}/status}}");
        var client = service.Client;
        await client.SubscribeAsync(ha + "/#");
        await client.SubscribeAsync(ha + "-moved/#");
        var (device, _) = await DiscoveryAsync(client, ha, 0);
        var mark = client.Messages.Count;
        var config = await File.ReadAllTextAsync(service.ConfigPath);

        await File.WriteAllTextAsync(service.ConfigPath, config.Replace($"discovery-prefix: {ha},", $"discovery-prefix: {ha}-moved,", StringComparison.Ordinal));

        var moved = device.Replace(ha + "/", ha + "-moved/", StringComparison.Ordinal);
        await client.WaitForAsync(device, string.Empty, mark); // the old device is cleared
        var (again, _) = await DiscoveryAsync(client, ha + "-moved", mark);
        Assert.Equal(moved, again);
        await Eventually.WaitAsync(() => service.Host.Status.Reloader!.Status.LastSummary?.Contains("homeassistant changed", StringComparison.Ordinal) == true, () => "the reload: " + service.Log);
        Assert.Equal(ReloadOutcome.Applied, service.Host.Status.Reloader!.Status.LastOutcome);
        Assert.Equal(["2"], service.Payloads("jellyfin/replicas")); // the states are not published again
        mark = client.Messages.Count;

        await File.WriteAllTextAsync(service.ConfigPath, config.Replace($"homeassistant: {{discovery-prefix: {ha}, status-topic: {ha}/status}}", string.Empty, StringComparison.Ordinal));

        await client.WaitForAsync(moved, string.Empty, mark); // discovery off: the device is cleared
    }

    private static async Task<(string Topic, JsonObject Payload)> DiscoveryAsync(MqttTestClient client, string ha, int from)
    {
        var message = await client.WaitForAsync(m => m.Topic.StartsWith(ha + "/device/", StringComparison.Ordinal) && m.Payload.Length > 0, "a discovery payload", from);
        return (message.Topic, JsonNode.Parse(message.Payload)!.AsObject());
    }
}
