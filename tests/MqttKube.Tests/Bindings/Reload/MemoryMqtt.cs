using MqttKube.Bindings.Ports;

namespace MqttKube.Tests.Bindings.Reload;

/// <summary>An always-connected in-memory <see cref="IMqttPort"/> that records every publish and subscription.</summary>
internal sealed class MemoryMqtt : IMqttPort
{
    private readonly Lock gate = new();
    private readonly List<(string Topic, string Payload, bool Retain)> published = [];
    private readonly List<string> filters = [];

    public bool IsConnected => true;

    public event Action<MqttSession>? Connected;

    public IReadOnlyList<(string Topic, string Payload, bool Retain)> Published
    {
        get
        {
            lock (gate)
            {
                return [.. published];
            }
        }
    }

    /// <summary>The filters subscribed now (one entry per handler).</summary>
    public IReadOnlyList<string> Filters
    {
        get
        {
            lock (gate)
            {
                return [.. filters];
            }
        }
    }

    public IReadOnlyList<string> PayloadsOf(string topic) => [.. Published.Where(p => p.Topic == topic).Select(p => p.Payload)];

    public void Clear()
    {
        lock (gate)
        {
            published.Clear();
        }
    }

    public void Reconnect(int number) => Connected?.Invoke(new MqttSession(number));

    public IDisposable Subscribe(string filter, IInboundHandler handler)
    {
        lock (gate)
        {
            filters.Add(filter);
        }

        return new Unsubscribe(this, filter);
    }

    public ValueTask<PublishResult> PublishAsync(string topic, ReadOnlyMemory<byte> payload, int qos, bool retain, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            published.Add((topic, System.Text.Encoding.UTF8.GetString(payload.Span), retain));
        }

        return ValueTask.FromResult(PublishResult.Sent);
    }

    private sealed class Unsubscribe(MemoryMqtt owner, string filter) : IDisposable
    {
        public void Dispose()
        {
            lock (owner.gate)
            {
                owner.filters.Remove(filter);
            }
        }
    }
}
