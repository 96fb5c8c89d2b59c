using MqttKube.Configuration;
using MqttKube.Mqtt;
using MqttKube.Tests.Support.Mosquitto;

namespace MqttKube.Tests.Mqtt;

/// <summary><c>&lt;prefix&gt;/&lt;status-topic&gt;</c>: online while connected, offline as last will and on clean stop.</summary>
public sealed class MqttAvailabilityTests(MosquittoBroker broker) : IClassFixture<MosquittoBroker>
{
    [Fact]
    public async Task OnlineIsRetainedOnTheStatusTopicUnderThePrefix()
    {
        var config = Harness.Config(broker.AnonymousPort) with { StatusTopic = "/availability" };
        await using var connection = await Harness.StartAsync(config, new CapturingLogger<MqttConnection>());

        // A client arriving later still learns the state: the message is retained.
        await using var late = await MqttTestClient.ConnectAsync(broker.AnonymousPort);
        await late.SubscribeAsync(config.TopicPrefix + "/#");

        var online = await late.WaitForAsync(config.TopicPrefix + "/availability", "online");
        Assert.True(online.Retain);
        Assert.Equal(config.TopicPrefix + "/availability", connection.StatusTopic);
    }

    [Fact]
    public async Task OfflineIsTheLastWillWhenTheConnectionDiesAndOnlineReturnsAfterReconnect()
    {
        using var relay = new TcpRelay(broker.AnonymousPort);
        var config = Harness.Config(relay.Port);
        var logger = new CapturingLogger<MqttConnection>();
        await using var connection = await Harness.StartAsync(config, logger);
        await using var observer = await MqttTestClient.ConnectAsync(broker.AnonymousPort);
        await observer.SubscribeAsync(connection.StatusTopic);
        await observer.WaitForAsync(connection.StatusTopic, "online");
        var before = observer.Messages.Count;

        relay.DropAll();

        var will = await observer.WaitForAsync(connection.StatusTopic, "offline", before);
        var index = observer.Messages.ToList().IndexOf(will);
        await observer.WaitForAsync(connection.StatusTopic, "online", index + 1);
        await Eventually.WaitAsync(() => connection.IsConnected && connection.ConnectionCount == 2, "reconnected");
        Assert.Contains($"Client {connection.ClientId} closed its connection.", broker.Log, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CleanStopPublishesOfflineRetainedInsteadOfTheWill()
    {
        var config = Harness.Config(broker.AnonymousPort);
        var connection = await Harness.StartAsync(config, new CapturingLogger<MqttConnection>());
        await using var observer = await MqttTestClient.ConnectAsync(broker.AnonymousPort);
        await observer.SubscribeAsync(connection.StatusTopic);
        await observer.WaitForAsync(connection.StatusTopic, "online");

        await connection.StopAsync();
        await connection.DisposeAsync();

        await observer.WaitForAsync(connection.StatusTopic, "offline");
        await using var late = await MqttTestClient.ConnectAsync(broker.AnonymousPort);
        await late.SubscribeAsync(connection.StatusTopic);
        var retained = await late.WaitForAsync(connection.StatusTopic, "offline");
        Assert.True(retained.Retain);
        Assert.False(connection.IsConnected);
        // A DISCONNECT packet was sent (no will): Mosquitto logs it as "disconnected", not "closed its connection".
        Assert.Contains($"Client {connection.ClientId} disconnected.", broker.Log, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ClientIdGetsAUniqueSuffixUnlessDisabled()
    {
        var plain = new MqttConnection(new MqttConfig { ClientId = "kube", ClientIdSuffix = false }, new CapturingLogger<MqttConnection>());
        var first = new MqttConnection(new MqttConfig { ClientId = "kube" }, new CapturingLogger<MqttConnection>());
        var second = new MqttConnection(new MqttConfig { ClientId = "kube" }, new CapturingLogger<MqttConnection>());

        Assert.Equal("kube", plain.ClientId);
        Assert.Matches("^kube-[0-9a-f]{6}$", first.ClientId);
        Assert.NotEqual(first.ClientId, second.ClientId);
        await Task.WhenAll(plain.DisposeAsync().AsTask(), first.DisposeAsync().AsTask(), second.DisposeAsync().AsTask());
    }
}
