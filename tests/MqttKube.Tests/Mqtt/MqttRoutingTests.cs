using MqttKube.Mqtt;
using MqttKube.Tests.Support.Mosquitto;

namespace MqttKube.Tests.Mqtt;

/// <summary>Incoming messages reach every matching handler, relative to the prefix, within the payload limit.</summary>
public sealed class MqttRoutingTests(MosquittoBroker broker) : IClassFixture<MosquittoBroker>
{
    sealed class Recorder
    {
        readonly List<MqttMessage> _messages = [];

        public Func<MqttMessage, CancellationToken, Task> Handler => (m, _) =>
        {
            lock (_messages)
            {
                _messages.Add(m);
            }

            return Task.CompletedTask;
        };

        public IReadOnlyList<MqttMessage> Messages
        {
            get
            {
                lock (_messages)
                {
                    return [.. _messages];
                }
            }
        }

        public string[] Payloads => [.. Messages.Select(m => m.PayloadText)];

        public Task WaitForAsync(string payload) => Eventually.WaitAsync(() => Payloads.Contains(payload), $"'{payload}' handled");
    }

    [Fact]
    public async Task EveryHandlerWhoseFilterMatchesGetsTheMessageOnce()
    {
        var options = Harness.Options(broker.AnonymousPort);
        await using var connection = await Harness.StartAsync(options, new CapturingLogger<MqttConnection>());
        var exact = new Recorder();
        var plus = new Recorder();
        var hash = new Recorder();
        var all = new Recorder();
        var sameFilter = new Recorder();
        var other = new Recorder();
        await connection.SubscribeAsync("dev/lamp/set", exact.Handler);
        await connection.SubscribeAsync("dev/+/set", plus.Handler);
        await connection.SubscribeAsync("dev/#", hash.Handler);
        await connection.SubscribeAsync("#", all.Handler);
        await connection.SubscribeAsync("dev/+/set", sameFilter.Handler);
        await connection.SubscribeAsync("dev/+/get", other.Handler);
        await using var client = await MqttTestClient.ConnectAsync(broker.AnonymousPort);

        await client.PublishAsync(options.TopicPrefix + "/dev/lamp/set", "ON");
        await client.PublishAsync(options.TopicPrefix + "/marker", "done");
        await all.WaitForAsync("done");

        foreach (var recorder in new[] { exact, plus, hash, sameFilter })
        {
            var message = Assert.Single(recorder.Messages);
            Assert.Equal(("dev/lamp/set", options.TopicPrefix + "/dev/lamp/set", "ON"), (message.RelativeTopic, message.Topic, message.PayloadText));
        }

        Assert.Equal(["ON", "done"], all.Messages.Where(m => m.Topic != connection.StatusTopic).Select(m => m.PayloadText));
        Assert.Empty(other.Messages);
    }

    [Fact]
    public async Task OnlyTopicsUnderThePrefixAreDelivered()
    {
        var prefix = Harness.UniquePrefix();
        await using var connection = await Harness.StartAsync(Harness.Options(broker.AnonymousPort, prefix + "/"), new CapturingLogger<MqttConnection>());
        var all = new Recorder();
        await connection.SubscribeAsync("#", all.Handler);
        await using var client = await MqttTestClient.ConnectAsync(broker.AnonymousPort);

        await client.PublishAsync(prefix + "x/a", "outside");
        await client.PublishAsync(prefix, "the prefix itself");
        await client.PublishAsync(prefix + "/a", "inside");
        await all.WaitForAsync("inside");

        var mine = all.Messages.Where(m => m.Topic != connection.StatusTopic).ToList();
        Assert.Equal(["the prefix itself", "inside"], mine.Select(m => m.PayloadText));
        Assert.Equal(["", "a"], mine.Select(m => m.RelativeTopic));
    }

    [Fact]
    public async Task PayloadsOverTheLimitAreRejectedWithAWarning()
    {
        var options = Harness.Options(broker.AnonymousPort);
        var logger = new CapturingLogger<MqttConnection>();
        await using var connection = await Harness.StartAsync(options, logger);
        var recorder = new Recorder();
        await connection.SubscribeAsync("in", recorder.Handler);
        await using var client = await MqttTestClient.ConnectAsync(broker.AnonymousPort);
        const int Limit = 256 * 1024;

        await client.PublishAsync(options.TopicPrefix + "/in", new byte[Limit + 1]);
        await client.PublishAsync(options.TopicPrefix + "/in", new byte[Limit]);
        await client.PublishAsync(options.TopicPrefix + "/in", "small");
        await recorder.WaitForAsync("small");

        Assert.Equal([Limit, 5], recorder.Messages.Select(m => m.Payload.Length));
        Assert.Contains(logger.Entries, e => e.EventId == 3016 && e.Level == Microsoft.Extensions.Logging.LogLevel.Warning);
        Assert.Equal(MqttPublishOutcome.Rejected, await connection.PublishAsync("out", new byte[Limit + 1], 1, false, false));
    }

    [Fact]
    public async Task AFailingHandlerIsLoggedAndTheNextMessagesStillFlow()
    {
        var options = Harness.Options(broker.AnonymousPort);
        var logger = new CapturingLogger<MqttConnection>();
        await using var connection = await Harness.StartAsync(options, logger);
        var recorder = new Recorder();
        await connection.SubscribeAsync("in", (m, _) => m.PayloadText == "boom" ? throw new InvalidOperationException("kaput") : Task.CompletedTask);
        await connection.SubscribeAsync("in", recorder.Handler);
        await using var client = await MqttTestClient.ConnectAsync(broker.AnonymousPort);

        await client.PublishAsync(options.TopicPrefix + "/in", "boom");
        await client.PublishAsync(options.TopicPrefix + "/in", "after");
        await recorder.WaitForAsync("after");

        Assert.Equal(["boom", "after"], recorder.Payloads);
        var failure = Assert.Single(logger.Entries, e => e.EventId == 3019);
        Assert.Equal("kaput", failure.Exception?.Message);
        Assert.True(connection.IsConnected);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public async Task AHandlerCanPublishAndAwaitTheAcknowledgement(int qos)
    {
        var options = Harness.Options(broker.AnonymousPort);
        await using var connection = await Harness.StartAsync(options, new CapturingLogger<MqttConnection>());
        var outcomes = new List<MqttPublishOutcome>();
        await connection.SubscribeAsync("ping", async (m, ct) =>
        {
            var outcome = await connection.PublishAsync("pong", m.PayloadText, qos, false, false, ct);
            lock (outcomes)
            {
                outcomes.Add(outcome);
            }
        });
        await using var client = await MqttTestClient.ConnectAsync(broker.AnonymousPort);
        await client.SubscribeAsync(options.TopicPrefix + "/pong", qos);

        for (var i = 0; i < 5; i++)
        {
            await client.PublishAsync(options.TopicPrefix + "/ping", $"n{i}", qos);
        }

        await client.WaitForAsync(options.TopicPrefix + "/pong", "n4");
        Assert.Equal(["n0", "n1", "n2", "n3", "n4"], client.Messages.Select(m => m.Payload));
        lock (outcomes)
        {
            Assert.All(outcomes, o => Assert.Equal(MqttPublishOutcome.Sent, o));
        }

        Assert.True(connection.MessagesReceived >= 5);
        Assert.True(connection.MessagesPublished >= 6);
    }

    [Theory]
    [InlineData("a/#/b")]
    [InlineData("a+")]
    [InlineData("")]
    public async Task InvalidFiltersAreRefused(string filter)
    {
        await using var connection = new MqttConnection(Harness.Options(broker.AnonymousPort), new CapturingLogger<MqttConnection>());

        await Assert.ThrowsAsync<ArgumentException>(() => connection.SubscribeAsync(filter, (_, _) => Task.CompletedTask));
    }
}
