using MqttKube.Bindings.Outbound;
using MqttKube.Bindings.Ports;

namespace MqttKube.HomeAssistant;

/// <summary>
/// Home Assistant's birth message: <c>online</c> on its status topic (it restarted, and forgot what it was told) gets
/// every discovery payload again, then every current state.
/// </summary>
internal sealed class BirthHandler(StateTable states) : IInboundHandler
{
    public void Post(InboundMessage message)
    {
        if (message.Payload.Span.SequenceEqual("online"u8))
        {
            states.Republish(reason: "Home Assistant is online");
        }
    }
}
