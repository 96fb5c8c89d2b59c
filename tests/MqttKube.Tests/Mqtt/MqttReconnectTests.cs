using System.Text;
using MqttKube.Bindings.Ports;
using MqttKube.Mqtt;
using MqttKube.Tests.Support.Mosquitto;

namespace MqttKube.Tests.Mqtt;

/// <summary>The broker goes away and comes back: the client says so, resubscribes, and announces the new session.</summary>
public sealed class MqttReconnectTests(MosquittoBroker broker) : IClassFixture<MosquittoBroker>
{
    [Fact]
    public async Task BrokerRestartResubscribesAndAnnouncesTheNewSession()
    {
        // Our client goes through a relay that can hold it back, so the observer is listening before it returns.
        using var relay = new TcpRelay(broker.AnonymousPort);
        var config = Harness.Config(relay.Port);
        var logger = new CapturingLogger<MqttConnection>();
        var connection = new MqttConnection(config, logger, Harness.Fast);
        await using var owned = connection;
        var commands = new Recorder();
        connection.Subscribe("cmd/+", commands);
        var sessions = new List<MqttSession>();
        connection.Connected += session =>
        {
            lock (sessions)
            {
                sessions.Add(session);
            }

            // What the bindings' state table does: publish every state again (without waiting).
            _ = connection.PublishAsync("watch/value", Encoding.UTF8.GetBytes($"v{session.Number}"), 1, true, CancellationToken.None).AsTask();
        };
        await connection.StartAsync();
        await Harness.WaitConnectedAsync(connection, logger);
        await Eventually.WaitAsync(() => connection.MessagesPublished == 2, "online and v1 published");

        await broker.StopAsync();
        await Eventually.WaitAsync(() => !connection.IsConnected, "the connection noticed the broker is gone");
        relay.RefuseNewConnections = true;

        // Offline: nothing is queued here; the caller is told, and publishes again on the next session.
        Assert.Equal(PublishResult.Offline, await connection.PublishAsync("state/x", "new"u8.ToArray(), 1, true, CancellationToken.None));

        await broker.StartAsync();
        await using var observer = await MqttTestClient.ConnectAsync(broker.AnonymousPort);
        await observer.SubscribeAsync(config.TopicPrefix + "/#");
        relay.RefuseNewConnections = false;

        await observer.WaitForAsync(config.TopicPrefix + "/watch/value", "v2");
        Assert.DoesNotContain(observer.Messages, m => m.Topic.EndsWith("/state/x", StringComparison.Ordinal));
        Assert.True(connection.IsConnected);
        lock (sessions)
        {
            Assert.Equal([(false, 1), (true, 2)], sessions.Select(s => (s.IsReconnect, s.Number)));
        }

        // The subscription is back.
        await observer.PublishAsync(config.TopicPrefix + "/cmd/lamp", "ON");
        await commands.WaitForAsync("ON");
        Assert.Equal("cmd/lamp", Assert.Single(commands.Messages).Topic);
    }

    [Fact]
    public async Task FirstConnectionIsRetriedUntilTheBrokerAppears()
    {
        // Nothing listens behind the relay at first: every attempt fails, the client keeps trying.
        using var relay = new TcpRelay(broker.AnonymousPort) { RefuseNewConnections = true };
        var logger = new CapturingLogger<MqttConnection>();
        await using var connection = await Harness.StartAsync(Harness.Config(relay.Port), logger, waitConnected: false);

        await Eventually.WaitAsync(() => logger.Count(3003) >= 3, () => $"three failed attempts; log:\n{logger}");
        Assert.False(connection.IsConnected);

        relay.RefuseNewConnections = false;
        await Harness.WaitConnectedAsync(connection, logger);
    }

    [Fact]
    public async Task Publishing_while_offline_answers_offline_at_once()
    {
        await using var connection = new MqttConnection(Harness.Config(broker.AnonymousPort), new CapturingLogger<MqttConnection>(), Harness.Fast);

        // Not started: offline.
        Assert.Equal(PublishResult.Offline, await connection.PublishAsync("t", "1"u8.ToArray(), 1, false, CancellationToken.None));
        Assert.Equal(PublishResult.Offline, await connection.PublishAsync("t", "2"u8.ToArray(), 0, false, CancellationToken.None));
        Assert.Equal(0, connection.MessagesPublished);
    }
}
