namespace MqttKube.Bindings.Inbound;

/// <summary>A command waiting in a <see cref="SerialQueue{T}"/>: the payload text and when it arrived (a clock timestamp).</summary>
internal sealed record InboundItem(string Payload, long ArrivedAt);
