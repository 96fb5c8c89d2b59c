using MqttKube.Mqtt;
using MqttKube.Tests.Support.Mosquitto;

namespace MqttKube.Tests.Mqtt;

/// <summary>What the status page shows of the connection: when it came up or went down, and why it is down.</summary>
public sealed class MqttStateTests(MosquittoBroker broker) : IClassFixture<MosquittoBroker>
{
    [Fact]
    public async Task The_state_says_when_the_connection_changed_not_when_it_was_first_read()
    {
        using var relay = new TcpRelay(broker.AnonymousPort);
        var logger = new CapturingLogger<MqttConnection>();
        var before = DateTimeOffset.UtcNow;
        await using var connection = await Harness.StartAsync(Harness.Config(relay.Port), logger);
        var up = DateTimeOffset.UtcNow;

        var since = connection.StateSince;
        Assert.NotNull(since);
        Assert.InRange(since.Value, before, up);
        Assert.Null(connection.LastError);

        relay.RefuseNewConnections = true;
        relay.DropAll();
        await Eventually.WaitAsync(() => !connection.IsConnected, "the connection is lost");
        var down = DateTimeOffset.UtcNow;
        await Eventually.WaitAsync(() => logger.Count(3003) + logger.Count(3004) >= 2, "two more attempts fail");

        Assert.NotNull(connection.LastError);
        Assert.InRange(connection.StateSince!.Value, up, down);

        relay.RefuseNewConnections = false;
        await Harness.WaitConnectedAsync(connection, logger);
        Assert.True(connection.StateSince > down);
        Assert.Null(connection.LastError);
    }
}
