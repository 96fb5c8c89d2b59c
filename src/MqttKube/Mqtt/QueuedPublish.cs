namespace MqttKube.Mqtt;

/// <summary>A publish waiting in the <see cref="OfflineQueue"/>; <see cref="Topic"/> is the full topic.</summary>
internal sealed record QueuedPublish(string Topic, byte[] Payload, int Qos, bool Retain, bool IsState);
