using System.Text;
using MqttKube.Bindings.Ports;
using MqttKube.Configuration;
using MqttKube.Mqtt;

namespace MqttKube.Tests.Mqtt;

/// <summary>MQTT 5 flow control: the publishes a broker has not acknowledged yet stay within its Receive Maximum.</summary>
public sealed class MqttReceiveMaximumTests
{
    [Fact]
    public async Task Publishes_past_the_brokers_receive_maximum_wait_for_an_acknowledgement_and_all_get_through()
    {
        await using var broker = new ReceiveMaximumBroker(receiveMaximum: 2);
        var logger = new CapturingLogger<MqttConnection>();
        await using var connection = await Harness.StartAsync(Harness.Config(broker.Port) with { Protocol = MqttProtocol.V5 }, logger);

        var results = await Task.WhenAll(Enumerable.Range(0, 10).Select(i =>
            connection.PublishAsync($"state/{i}", Encoding.UTF8.GetBytes("on"), qos: 1, retain: false, CancellationToken.None).AsTask()));

        Assert.All(results, r => Assert.Equal(PublishResult.Sent, r));
        Assert.True(broker.Received >= 10, $"{broker.Received} publishes received");
        Assert.InRange(broker.MostUnacknowledged, 1, 2);
    }
}
