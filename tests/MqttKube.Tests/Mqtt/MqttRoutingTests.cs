using System.Text;
using MqttKube.Bindings.Ports;
using MqttKube.Mqtt;
using MqttKube.Tests.Support.Mosquitto;

namespace MqttKube.Tests.Mqtt;

/// <summary>Incoming messages reach every matching handler, relative to the prefix, within the payload limit.</summary>
public sealed class MqttRoutingTests(MosquittoBroker broker) : IClassFixture<MosquittoBroker>
{
    [Fact]
    public async Task EveryHandlerWhoseFilterMatchesGetsTheMessageOnce()
    {
        var config = Harness.Config(broker.AnonymousPort);
        await using var connection = await Harness.StartAsync(config, new CapturingLogger<MqttConnection>());
        var exact = new Recorder();
        var plus = new Recorder();
        var hash = new Recorder();
        var all = new Recorder();
        var sameFilter = new Recorder();
        var other = new Recorder();
        await SubscribeAsync(connection, "dev/lamp/set", exact);
        await SubscribeAsync(connection, "dev/+/set", plus);
        await SubscribeAsync(connection, "dev/#", hash);
        await SubscribeAsync(connection, "#", all);
        await SubscribeAsync(connection, "dev/+/set", sameFilter);
        await SubscribeAsync(connection, "dev/+/get", other);
        await using var client = await MqttTestClient.ConnectAsync(broker.AnonymousPort);

        await client.PublishAsync(config.TopicPrefix + "/dev/lamp/set", "ON");
        await client.PublishAsync(config.TopicPrefix + "/marker", "done");
        await all.WaitForAsync("done");

        foreach (var recorder in new[] { exact, plus, hash, sameFilter })
        {
            var message = Assert.Single(recorder.Messages);
            Assert.Equal(("dev/lamp/set", "ON"), (message.Topic, Encoding.UTF8.GetString(message.Payload.Span)));
        }

        Assert.Equal(["ON", "done"], all.Messages.Where(m => m.Topic != config.StatusTopic).Select(m => Encoding.UTF8.GetString(m.Payload.Span)));
        Assert.Empty(other.Messages);
    }

    [Fact]
    public async Task A_filter_is_subscribed_once_and_unsubscribed_with_its_last_handler()
    {
        var config = Harness.Config(broker.AnonymousPort);
        await using var connection = await Harness.StartAsync(config, new CapturingLogger<MqttConnection>());
        var first = new Recorder();
        var second = new Recorder();
        var marker = new Recorder();
        var a = connection.Subscribe("cmd", first);
        var b = connection.Subscribe("cmd", second);
        await Task.WhenAll(a.Acknowledged, b.Acknowledged, connection.Subscribe("marker", marker).Acknowledged);
        await using var client = await MqttTestClient.ConnectAsync(broker.AnonymousPort);

        await client.PublishAsync(config.TopicPrefix + "/cmd", "1");
        await Eventually.WaitAsync(() => first.Payloads.Length == 1 && second.Payloads.Length == 1, "both handlers got it");
        a.Dispose();
        await client.PublishAsync(config.TopicPrefix + "/cmd", "2");
        await Eventually.WaitAsync(() => second.Payloads.Length == 2, "the remaining handler got it");
        b.Dispose();
        await client.PublishAsync(config.TopicPrefix + "/cmd", "3");
        await client.PublishAsync(config.TopicPrefix + "/marker", "done");
        await marker.WaitForAsync("done");

        Assert.Equal(["1"], first.Payloads);
        Assert.Equal(["1", "2"], second.Payloads);
    }

    [Fact]
    public async Task OnlyTopicsUnderThePrefixAreDelivered()
    {
        var prefix = Harness.UniquePrefix();
        await using var connection = await Harness.StartAsync(Harness.Config(broker.AnonymousPort, prefix + "/"), new CapturingLogger<MqttConnection>());
        var all = new Recorder();
        await SubscribeAsync(connection, "#", all);
        await using var client = await MqttTestClient.ConnectAsync(broker.AnonymousPort);

        await client.PublishAsync(prefix + "x/a", "outside");
        await client.PublishAsync(prefix, "the prefix itself");
        await client.PublishAsync(prefix + "/a", "inside");
        await all.WaitForAsync("inside");

        var mine = all.Messages.Where(m => m.Topic != "status").ToList();
        Assert.Equal(["the prefix itself", "inside"], mine.Select(m => Encoding.UTF8.GetString(m.Payload.Span)));
        Assert.Equal(["", "a"], mine.Select(m => m.Topic));
    }

    [Fact]
    public async Task PayloadsOverTheLimitAreRejectedWithAWarning()
    {
        var config = Harness.Config(broker.AnonymousPort);
        var logger = new CapturingLogger<MqttConnection>();
        await using var connection = await Harness.StartAsync(config, logger);
        var recorder = new Recorder();
        await SubscribeAsync(connection, "in", recorder);
        await using var client = await MqttTestClient.ConnectAsync(broker.AnonymousPort);
        const int Limit = 256 * 1024;

        await client.PublishAsync(config.TopicPrefix + "/in", new byte[Limit + 1]);
        await client.PublishAsync(config.TopicPrefix + "/in", new byte[Limit]);
        await client.PublishAsync(config.TopicPrefix + "/in", "small");
        await recorder.WaitForAsync("small");

        Assert.Equal([Limit, 5], recorder.Messages.Select(m => m.Payload.Length));
        Assert.Contains(logger.Entries, e => e.EventId == 3016 && e.Level == Microsoft.Extensions.Logging.LogLevel.Warning);
        Assert.Equal(PublishResult.Rejected, await connection.PublishAsync("out", new byte[Limit + 1], 1, false, CancellationToken.None));
    }

    [Fact]
    public async Task AFailingHandlerIsLoggedAndTheNextMessagesStillFlow()
    {
        var config = Harness.Config(broker.AnonymousPort);
        var logger = new CapturingLogger<MqttConnection>();
        await using var connection = await Harness.StartAsync(config, logger);
        var recorder = new Recorder();
        await SubscribeAsync(connection, "in", new Failing());
        await SubscribeAsync(connection, "in", recorder);
        await using var client = await MqttTestClient.ConnectAsync(broker.AnonymousPort);

        await client.PublishAsync(config.TopicPrefix + "/in", "boom");
        await client.PublishAsync(config.TopicPrefix + "/in", "after");
        await recorder.WaitForAsync("after");

        Assert.Equal(["boom", "after"], recorder.Payloads);
        var failure = Assert.Single(logger.Entries, e => e.EventId == 3019);
        Assert.Equal("kaput", failure.Exception?.Message);
        Assert.True(connection.IsConnected);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public async Task Publishes_are_acknowledged_and_counted(int qos)
    {
        var config = Harness.Config(broker.AnonymousPort);
        await using var connection = await Harness.StartAsync(config, new CapturingLogger<MqttConnection>());
        await using var client = await MqttTestClient.ConnectAsync(broker.AnonymousPort);
        await client.SubscribeAsync(config.TopicPrefix + "/pong", qos);

        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(PublishResult.Sent, await connection.PublishAsync("pong", Encoding.UTF8.GetBytes($"n{i}"), qos, false, CancellationToken.None));
        }

        await client.WaitForAsync(config.TopicPrefix + "/pong", "n4");
        Assert.Equal(["n0", "n1", "n2", "n3", "n4"], client.Messages.Select(m => m.Payload));
        Assert.True(connection.MessagesPublished >= 6);
    }

    [Theory]
    [InlineData("a/#/b")]
    [InlineData("a+")]
    [InlineData("")]
    public async Task InvalidFiltersAreRefused(string filter)
    {
        await using var connection = new MqttConnection(Harness.Config(broker.AnonymousPort), new CapturingLogger<MqttConnection>());

        Assert.Throws<ArgumentException>(() => connection.Subscribe(filter, new Recorder()));
    }

    private static Task SubscribeAsync(MqttConnection connection, string filter, IInboundHandler handler) =>
        connection.Subscribe(filter, handler).Acknowledged;

    private sealed class Failing : IInboundHandler
    {
        public void Post(InboundMessage message)
        {
            if (Encoding.UTF8.GetString(message.Payload.Span) == "boom")
            {
                throw new InvalidOperationException("kaput");
            }
        }
    }
}
