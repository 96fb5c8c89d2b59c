using MqttKube.Mqtt;
using MqttKube.Tests.Support.Mosquitto;

namespace MqttKube.Tests.Mqtt;

/// <summary>The broker goes away and comes back: nothing QoS 1 is lost, state keeps only its newest value.</summary>
public sealed class MqttReconnectTests(MosquittoBroker broker) : IClassFixture<MosquittoBroker>
{
    [Fact]
    public async Task BrokerRestartQueuesFlushesResubscribesAndNotifies()
    {
        // Our client goes through a relay that can hold it back, so the observer is listening before it returns.
        using var relay = new TcpRelay(broker.AnonymousPort);
        var options = Harness.Options(relay.Port);
        var logger = new CapturingLogger<MqttConnection>();
        var connection = new MqttConnection(options, logger);
        await using var _ = connection;
        var commands = new List<string>();
        await connection.SubscribeAsync("cmd/+", (m, _) => { lock (commands) { commands.Add(m.RelativeTopic + "=" + m.PayloadText); } return Task.CompletedTask; });
        var connected = new List<MqttConnectedEventArgs>();
        connection.Connected += async e =>
        {
            lock (connected)
            {
                connected.Add(e);
            }

            // What the bindings do: republish the current watch values.
            await connection.PublishAsync("watch/value", $"v{e.ConnectionCount}", 1, true, true, e.CancellationToken);
        };
        await connection.StartAsync();
        await Harness.WaitConnectedAsync(connection, logger);
        await Eventually.WaitAsync(() => connection.MessagesPublished == 2, "online and v1 published");

        await broker.StopAsync();
        await Eventually.WaitAsync(() => !connection.IsConnected, "the connection noticed the broker is gone");
        relay.RefuseNewConnections = true;

        Assert.Equal(MqttPublishOutcome.Queued, await connection.PublishAsync("events/a", "1", 1, false, false));
        Assert.Equal(MqttPublishOutcome.Queued, await connection.PublishAsync("state/x", "old", 1, true, true));
        Assert.Equal(MqttPublishOutcome.Queued, await connection.PublishAsync("events/a", "2", 2, false, false));
        Assert.Equal(MqttPublishOutcome.Dropped, await connection.PublishAsync("events/q0", "lost", 0, false, false));
        Assert.Equal(MqttPublishOutcome.Queued, await connection.PublishAsync("state/x", "new", 1, true, true));
        Assert.Equal(3, connection.QueuedCount);

        await broker.StartAsync();
        await using var observer = await MqttTestClient.ConnectAsync(broker.AnonymousPort);
        await observer.SubscribeAsync(options.TopicPrefix + "/#");
        relay.RefuseNewConnections = false;

        await observer.WaitForAsync(options.TopicPrefix + "/watch/value", "v2");
        var seen = observer.Messages
            .Where(m => !m.Topic.EndsWith("/status", StringComparison.Ordinal))
            .Select(m => m.Topic[(options.TopicPrefix!.Length + 1)..] + "=" + m.Payload);
        Assert.Equal(["events/a=1", "events/a=2", "state/x=new", "watch/value=v2"], seen);
        Assert.Equal(0, connection.QueuedCount);
        Assert.True(connection.IsConnected);
        lock (connected)
        {
            Assert.Equal([(false, 1), (true, 2)], connected.Select(e => (e.IsReconnect, e.ConnectionCount)));
        }

        // The subscription is back.
        await observer.PublishAsync(options.TopicPrefix + "/cmd/lamp", "ON");
        await Eventually.WaitAsync(() => { lock (commands) { return commands.Contains("cmd/lamp=ON"); } }, "the command after reconnect");
    }

    [Fact]
    public async Task FirstConnectionIsRetriedUntilTheBrokerAppears()
    {
        // Nothing listens behind the relay at first: every attempt fails, the client keeps trying.
        using var relay = new TcpRelay(broker.AnonymousPort) { RefuseNewConnections = true };
        var logger = new CapturingLogger<MqttConnection>();
        await using var connection = await Harness.StartAsync(Harness.Options(relay.Port), logger, waitConnected: false);

        await Eventually.WaitAsync(() => logger.Count(3003) >= 3, () => $"three failed attempts; log:\n{logger}");
        Assert.False(connection.IsConnected);

        relay.RefuseNewConnections = false;
        await Harness.WaitConnectedAsync(connection, logger);
    }

    [Fact]
    public async Task OfflineQueueDropsTheOldestBeyondItsBound()
    {
        var logger = new CapturingLogger<MqttConnection>();
        var options = Harness.Options(broker.AnonymousPort) with { OfflineQueueLimit = 2 };
        await using var connection = new MqttConnection(options, logger);

        // Not started: offline.
        foreach (var n in new[] { "1", "2", "3" })
        {
            Assert.Equal(MqttPublishOutcome.Queued, await connection.PublishAsync("t", n, 1, false, false));
        }

        Assert.Equal(2, connection.QueuedCount);
        Assert.Equal(1, connection.MessagesDropped);
        Assert.Contains(logger.Entries, e => e.EventId == 3027 && e.Level == Microsoft.Extensions.Logging.LogLevel.Warning);
    }
}
