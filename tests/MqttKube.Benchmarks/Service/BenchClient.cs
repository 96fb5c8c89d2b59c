using System.Buffers;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;
using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Protocol;

namespace MqttKube.Benchmarks.Service;

/// <summary>
/// The benchmark's MQTT client: publishes commands and stamps every message it receives on arrival
/// (<see cref="Stopwatch.GetTimestamp"/>, the clock the fake API server stamps requests with).
/// </summary>
internal sealed class BenchClient : IAsyncDisposable
{
    private readonly IMqttClient client;
    private readonly ConcurrentDictionary<string, long> firstSeen = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<(string Topic, string Payload), TaskCompletionSource<long>> waiters = new();
    private readonly ConcurrentQueue<(long At, string Topic)> received = new();

    private BenchClient(IMqttClient client)
    {
        this.client = client;
        client.ApplicationMessageReceivedAsync += e =>
        {
            var now = Stopwatch.GetTimestamp();
            var topic = e.ApplicationMessage.Topic;
            var payload = Encoding.UTF8.GetString(e.ApplicationMessage.Payload.ToArray());
            firstSeen.TryAdd(topic, now);
            received.Enqueue((now, topic));
            if (waiters.TryRemove((topic, payload), out var waiter))
            {
                waiter.TrySetResult(now);
            }

            return Task.CompletedTask;
        };
    }

    public static async Task<BenchClient> ConnectAsync(int port, string subscription)
    {
        var client = new MqttClientFactory().CreateMqttClient();
        var options = new MqttClientOptionsBuilder()
            .WithTcpServer("127.0.0.1", port)
            .WithClientId("bench-" + Guid.NewGuid().ToString("N")[..8])
            .WithProtocolVersion(MqttProtocolVersion.V311)
            .WithCleanSession(true)
            .WithTimeout(TimeSpan.FromSeconds(10))
            .Build();
        await client.ConnectAsync(options);
        await client.SubscribeAsync(new MqttClientFactory().CreateSubscribeOptionsBuilder()
            .WithTopicFilter(f => f.WithTopic(subscription).WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtMostOnce))
            .Build());
        return new BenchClient(client);
    }

    /// <summary>When <paramref name="topic"/> was first received, if it was.</summary>
    public bool TryFirstSeen(string topic, out long timestamp) => firstSeen.TryGetValue(topic, out timestamp);

    /// <summary>How many messages arrived at or after <paramref name="since"/> on topics <paramref name="counted"/> accepts.</summary>
    public int CountSince(long since, Func<string, bool> counted) => received.Count(m => m.At >= since && counted(m.Topic));

    /// <summary>Completes with the arrival time of the next <paramref name="payload"/> on <paramref name="topic"/>; register before triggering it.</summary>
    public Task<long> Expect(string topic, string payload)
    {
        var waiter = new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously);
        waiters[(topic, payload)] = waiter;
        return waiter.Task;
    }

    public Task PublishAsync(string topic, string payload) => client.PublishAsync(new MqttApplicationMessageBuilder()
        .WithTopic(topic)
        .WithPayload(payload)
        .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
        .Build());

    public async ValueTask DisposeAsync()
    {
        if (client.IsConnected)
        {
            await client.DisconnectAsync(new MqttClientDisconnectOptions());
        }

        client.Dispose();
    }
}
