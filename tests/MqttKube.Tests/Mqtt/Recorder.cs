using System.Text;
using MqttKube.Bindings.Ports;
using MqttKube.Tests.Support.Mosquitto;

namespace MqttKube.Tests.Mqtt;

/// <summary>An inbound handler that keeps every message it is given.</summary>
internal sealed class Recorder : IInboundHandler
{
    private readonly List<InboundMessage> messages = [];

    public IReadOnlyList<InboundMessage> Messages
    {
        get
        {
            lock (messages)
            {
                return [.. messages];
            }
        }
    }

    public string[] Payloads => [.. Messages.Select(m => Encoding.UTF8.GetString(m.Payload.Span))];

    public void Post(InboundMessage message)
    {
        lock (messages)
        {
            messages.Add(message);
        }
    }

    public Task WaitForAsync(string payload) => Eventually.WaitAsync(() => Payloads.Contains(payload), $"'{payload}' handled");
}
