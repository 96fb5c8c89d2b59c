using System.Text;

namespace MqttKube.Mqtt;

/// <summary>A message received from the broker.</summary>
/// <param name="Topic">The full topic, prefix included.</param>
/// <param name="RelativeTopic">The topic below the prefix (equal to <paramref name="Topic"/> without a prefix).</param>
/// <param name="Payload">The raw payload.</param>
/// <param name="Qos">The QoS it was delivered with.</param>
/// <param name="Retain">Whether it is a retained message.</param>
internal sealed record MqttMessage(string Topic, string RelativeTopic, ReadOnlyMemory<byte> Payload, int Qos, bool Retain)
{
    /// <summary>The payload decoded as UTF-8 (invalid bytes replaced).</summary>
    public string PayloadText => Encoding.UTF8.GetString(Payload.Span);
}
