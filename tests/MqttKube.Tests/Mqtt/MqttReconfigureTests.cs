using System.Text;
using MqttKube.Mqtt;
using MqttKube.Tests.Support.Mosquitto;

namespace MqttKube.Tests.Mqtt;

/// <summary>A hot reload that changes the <c>mqtt:</c> section (<see cref="MqttConnection.Reconfigure"/>).</summary>
public sealed class MqttReconfigureTests(MosquittoBroker broker) : IClassFixture<MosquittoBroker>
{
    [Fact]
    public async Task A_new_status_topic_says_online_the_old_one_offline_and_the_status_watch_follows_it()
    {
        var config = Harness.Config(broker.AnonymousPort);
        var logger = new CapturingLogger<MqttConnection>();
        await using var connection = await Harness.StartAsync(config, logger);
        var watch = new Recorder();
        using var subscription = connection.SubscribeStatus(watch);
        await subscription.Acknowledged;
        var old = connection.StatusTopic;

        connection.Reconfigure(config with { StatusTopic = "availability" });
        await Eventually.WaitAsync(() => connection.IsConnected && connection.ConnectionCount == 2, () => "reconnected\n" + logger);

        var moved = config.TopicPrefix + "/availability";
        Assert.Equal(moved, connection.StatusTopic);
        await using var late = await MqttTestClient.ConnectAsync(broker.AnonymousPort);
        await late.SubscribeAsync(config.TopicPrefix + "/#");
        Assert.True((await late.WaitForAsync(moved, "online")).Retain);
        Assert.True((await late.WaitForAsync(old, "offline")).Retain); // nothing speaks there any more

        // A replica's last will on the new topic reaches the watch (the leader says online again); the old topic no longer does.
        var before = watch.Messages.Count;
        await late.PublishAsync(old, "gone");
        await late.PublishAsync(moved, "offline");
        await watch.WaitForAsync("offline");
        Assert.DoesNotContain("gone", watch.Payloads);
        Assert.All(watch.Messages.Skip(before), m => Assert.Equal("availability", m.Topic));
        Assert.Equal("offline", Encoding.UTF8.GetString(watch.Messages[^1].Payload.Span));
    }
}
