namespace MqttKube.Bindings.Ports;

/// <summary>A message received from the broker.</summary>
/// <param name="Topic">The topic below the topic prefix (what the config's topics name).</param>
/// <param name="Payload">The raw payload (a copy the receiver owns).</param>
/// <param name="Qos">The QoS it was delivered with.</param>
/// <param name="Retain">Whether the broker delivered it as a retained message.</param>
internal sealed record InboundMessage(string Topic, ReadOnlyMemory<byte> Payload, int Qos = 1, bool Retain = false);
