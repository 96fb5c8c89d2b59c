using MqttKube.Bindings.Ports;

namespace MqttKube.Tests.Leadership;

/// <summary>An always-connected MQTT port that records what is published and lets a test deliver messages.</summary>
internal sealed class RecordingMqttPort : IMqttPort
{
    private readonly List<(string Filter, IInboundHandler Handler)> handlers = [];

    public event Action<MqttSession>? Connected;

    public bool IsConnected { get; set; } = true;

    public List<(string Topic, string Payload)> Published { get; } = [];

    public IDisposable Subscribe(string filter, IInboundHandler handler)
    {
        handlers.Add((filter, handler));
        return new Unsubscriber(() => handlers.Remove((filter, handler)));
    }

    public ValueTask<PublishResult> PublishAsync(string topic, ReadOnlyMemory<byte> payload, int qos, bool retain, CancellationToken cancellationToken)
    {
        lock (Published)
        {
            Published.Add((topic, System.Text.Encoding.UTF8.GetString(payload.Span)));
        }

        return ValueTask.FromResult(PublishResult.Sent);
    }

    /// <summary>The broker delivers a message on <paramref name="topic"/> (filters match exactly here).</summary>
    public void Deliver(string topic, string payload)
    {
        foreach (var (_, handler) in handlers.Where(h => h.Filter == topic).ToList())
        {
            handler.Post(new InboundMessage(topic, System.Text.Encoding.UTF8.GetBytes(payload)));
        }
    }

    public void Connect(int number)
    {
        IsConnected = true;
        Connected?.Invoke(new MqttSession(number));
    }

    private sealed class Unsubscriber(Action action) : IDisposable
    {
        public void Dispose() => action();
    }
}
