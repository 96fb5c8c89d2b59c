namespace MqttKube.Bindings.Ports;

/// <summary>Takes the messages of a subscription, on the MQTT receive path: it must not block (queue only).</summary>
internal interface IInboundHandler
{
    void Post(InboundMessage message);
}
