using System.Text;
using MqttKube.Bindings;
using MqttKube.Bindings.Ports;
using MqttKube.Mqtt;

namespace MqttKube.Tests.Bindings.Scenarios;

/// <summary>
/// The MQTT port in memory: records what reaches the broker, delivers messages to the subscribed handlers at once,
/// connects and disconnects when told. Publishes can be held in flight (a slow broker) and released later; a held
/// publish is no work of the runtime (its <see cref="Activity"/> unit is ended while it waits).
/// </summary>
internal sealed class InMemoryMqtt : IMqttPort
{
    private readonly Lock gate = new();
    private readonly List<(string Filter, IInboundHandler Handler)> subscriptions = [];
    private readonly List<HeldPublish> held = [];
    private int sessions;

    public InMemoryMqtt(bool connected)
    {
        IsConnected = connected;
        sessions = connected ? 1 : 0;
    }

    public bool IsConnected { get; private set; }

    /// <summary>Publishes wait until <see cref="Release"/> (a slow broker).</summary>
    public bool Holding { get; set; }

    /// <summary>The runtime's work counter (held publishes are no work while they wait).</summary>
    public Activity? Activity { get; set; }

    /// <summary>What reached the broker, in order.</summary>
    public List<Publish> Published { get; } = [];

    public IReadOnlyList<string> Filters
    {
        get
        {
            lock (gate)
            {
                return [.. subscriptions.Select(s => s.Filter).Distinct().Order(StringComparer.Ordinal)];
            }
        }
    }

    public event Action<MqttSession>? Connected;

    public IDisposable Subscribe(string filter, IInboundHandler handler)
    {
        if (!MqttTopic.IsValidFilter(filter))
        {
            throw new ArgumentException($"not a valid topic filter: {filter}", nameof(filter));
        }

        var entry = (filter, handler);
        lock (gate)
        {
            subscriptions.Add(entry);
        }

        return new Unsubscribe(() =>
        {
            lock (gate)
            {
                subscriptions.Remove(entry);
            }
        });
    }

    public ValueTask<PublishResult> PublishAsync(string topic, ReadOnlyMemory<byte> payload, int qos, bool retain, CancellationToken cancellationToken)
    {
        var publish = new Publish(topic, Encoding.UTF8.GetString(payload.Span), qos, retain);
        lock (gate)
        {
            if (!IsConnected)
            {
                return ValueTask.FromResult(PublishResult.Offline);
            }

            if (!Holding)
            {
                Published.Add(publish);
                return ValueTask.FromResult(PublishResult.Sent);
            }

            var wait = new HeldPublish(publish, new TaskCompletionSource<PublishResult>(TaskCreationOptions.RunContinuationsAsynchronously));
            held.Add(wait);
            Activity?.End(); // waiting on the broker is no work
            return new ValueTask<PublishResult>(wait.Done.Task);
        }
    }

    /// <summary>The held publishes reach the broker (or not, when it went meanwhile), in order; publishes flow again.</summary>
    public void Release() => Complete(stopHolding: true);

    private void Complete(bool stopHolding)
    {
        List<HeldPublish> waiting;
        lock (gate)
        {
            Holding &= !stopHolding;
            waiting = [.. held];
            held.Clear();
            foreach (var wait in waiting)
            {
                Activity?.Begin();
                if (IsConnected)
                {
                    Published.Add(wait.Publish);
                }
            }
        }

        foreach (var wait in waiting)
        {
            wait.Done.SetResult(IsConnected ? PublishResult.Sent : PublishResult.Offline);
        }
    }

    /// <summary>A message from the broker, handed to every handler whose filter matches; false when none does.</summary>
    public bool Deliver(InboundMessage message)
    {
        List<IInboundHandler> handlers;
        lock (gate)
        {
            handlers = [.. subscriptions.Where(s => MqttTopic.Matches(s.Filter, message.Topic)).Select(s => s.Handler).Distinct()];
        }

        foreach (var handler in handlers)
        {
            handler.Post(message);
        }

        return handlers.Count > 0;
    }

    public void Disconnect()
    {
        lock (gate)
        {
            IsConnected = false;
        }

        Complete(stopHolding: false); // what was in flight is lost
    }

    /// <summary>(Re)connected and subscribed: <see cref="Connected"/> is raised.</summary>
    public void Connect()
    {
        int number;
        lock (gate)
        {
            IsConnected = true;
            number = ++sessions;
        }

        Connected?.Invoke(new MqttSession(number));
    }

    internal sealed record Publish(string Topic, string Payload, int Qos, bool Retain);

    private sealed record HeldPublish(Publish Publish, TaskCompletionSource<PublishResult> Done);

    private sealed class Unsubscribe(Action action) : IDisposable
    {
        public void Dispose() => action();
    }
}
