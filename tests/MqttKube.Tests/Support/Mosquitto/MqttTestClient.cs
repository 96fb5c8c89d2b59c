using System.Buffers;
using System.Text;
using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Protocol;

namespace MqttKube.Tests.Support.Mosquitto;

/// <summary>An independent MQTTnet client for tests: publishes, subscribes and records every message it receives.</summary>
public sealed class MqttTestClient : IAsyncDisposable
{
    private readonly IMqttClient client;
    private readonly List<ReceivedMessage> messages = [];

    private MqttTestClient(IMqttClient client)
    {
        this.client = client;
        this.client.ApplicationMessageReceivedAsync += e =>
        {
            var m = e.ApplicationMessage;
            var bytes = m.Payload.ToArray();
            lock (messages)
            {
                messages.Add(new ReceivedMessage(m.Topic, Encoding.UTF8.GetString(bytes), m.Retain, (int)m.QualityOfServiceLevel, bytes));
            }

            return Task.CompletedTask;
        };
    }

    public bool IsConnected => client.IsConnected;

    public IReadOnlyList<ReceivedMessage> Messages
    {
        get
        {
            lock (messages)
            {
                return [.. messages];
            }
        }
    }

    /// <summary>Connects anonymously to <paramref name="port"/> on loopback (3.1.1 unless <paramref name="v5"/>).</summary>
    public static async Task<MqttTestClient> ConnectAsync(int port, string? clientId = null, bool v5 = false, Action<MqttClientOptionsBuilder>? configure = null)
    {
        var client = new MqttClientFactory().CreateMqttClient();
        var builder = new MqttClientOptionsBuilder()
            .WithTcpServer(MosquittoBroker.Host, port)
            .WithClientId(clientId ?? "test-" + Guid.NewGuid().ToString("N")[..8])
            .WithProtocolVersion(v5 ? MqttProtocolVersion.V500 : MqttProtocolVersion.V311)
            .WithCleanSession(true)
            .WithTimeout(TimeSpan.FromSeconds(10));
        configure?.Invoke(builder);
        using var timeout = new CancellationTokenSource(Eventually.DefaultTimeout);
        await client.ConnectAsync(builder.Build(), timeout.Token);
        return new MqttTestClient(client);
    }

    public async Task SubscribeAsync(string filter, int qos = 1)
    {
        var options = new MqttClientFactory().CreateSubscribeOptionsBuilder()
            .WithTopicFilter(f => f.WithTopic(filter).WithQualityOfServiceLevel((MqttQualityOfServiceLevel)qos))
            .Build();
        await client.SubscribeAsync(options);
    }

    public Task PublishAsync(string topic, string payload, int qos = 1, bool retain = false)
        => PublishAsync(topic, Encoding.UTF8.GetBytes(payload), qos, retain);

    public async Task PublishAsync(string topic, byte[] payload, int qos = 1, bool retain = false)
    {
        var message = new MqttApplicationMessageBuilder()
            .WithTopic(topic)
            .WithPayload(payload)
            .WithQualityOfServiceLevel((MqttQualityOfServiceLevel)qos)
            .WithRetainFlag(retain)
            .Build();
        await client.PublishAsync(message);
    }

    /// <summary>The first message at index <paramref name="from"/> or later that matches, waiting up to 20 s.</summary>
    public async Task<ReceivedMessage> WaitForAsync(Func<ReceivedMessage, bool> predicate, string what, int from = 0)
    {
        ReceivedMessage? found = null;
        await Eventually.WaitAsync(
            () => (found = Messages.Skip(from).FirstOrDefault(predicate)) is not null,
            () => $"{what}; received so far: [{string.Join(", ", Messages.Select(m => $"{m.Topic}={m.Payload}"))}]");
        return found!;
    }

    /// <summary>Waits for <paramref name="payload"/> on <paramref name="topic"/> (at index <paramref name="from"/> or later).</summary>
    public Task<ReceivedMessage> WaitForAsync(string topic, string payload, int from = 0)
        => WaitForAsync(m => m.Topic == topic && m.Payload == payload, $"'{payload}' on {topic}", from);

    public async ValueTask DisposeAsync()
    {
        if (client.IsConnected)
        {
            await client.DisconnectAsync(new MqttClientDisconnectOptions());
        }

        client.Dispose();
    }
}
