using MqttKube.Bindings.Ports;

namespace MqttKube.Bindings.Leadership;

/// <summary>
/// The MQTT port as the bindings see it under leader election: while this replica does not lead, received commands
/// are dropped (the leader has its own copy), nothing is published and the port reads as not connected, so the state
/// table keeps the newest states without sending them. When the gate opens on a connected port, or the port connects
/// while the gate is open, <see cref="Connected"/> is raised: the state table publishes every state again.
/// </summary>
internal sealed class GatedMqttPort : IMqttPort
{
    private readonly IMqttPort inner;
    private readonly LeaderGate gate;
    private int sessions;
    private long dropped;

    public GatedMqttPort(IMqttPort inner, LeaderGate gate)
    {
        this.inner = inner;
        this.gate = gate;
        inner.Connected += OnInnerConnected;
        gate.Changed += OnGateChanged;
    }

    public event Action<MqttSession>? Connected;

    public bool IsConnected => gate.IsOpen && inner.IsConnected;

    /// <summary>Commands dropped because this replica did not lead when they arrived.</summary>
    public long Dropped => Interlocked.Read(ref dropped);

    public IDisposable Subscribe(string filter, IInboundHandler handler) => inner.Subscribe(filter, new Handler(this, handler));

    public ValueTask<PublishResult> PublishAsync(string topic, ReadOnlyMemory<byte> payload, int qos, bool retain, CancellationToken cancellationToken) =>
        gate.IsOpen ? inner.PublishAsync(topic, payload, qos, retain, cancellationToken) : ValueTask.FromResult(PublishResult.Offline);

    private void OnInnerConnected(MqttSession session)
    {
        if (gate.IsOpen)
        {
            Connected?.Invoke(new MqttSession(Interlocked.Increment(ref sessions)));
        }
    }

    private void OnGateChanged(bool open)
    {
        if (open && inner.IsConnected)
        {
            Connected?.Invoke(new MqttSession(Interlocked.Increment(ref sessions)));
        }
    }

    private sealed class Handler(GatedMqttPort port, IInboundHandler inner) : IInboundHandler
    {
        public void Post(InboundMessage message)
        {
            if (port.gate.IsOpen)
            {
                inner.Post(message);
            }
            else
            {
                Interlocked.Increment(ref port.dropped);
            }
        }
    }
}
