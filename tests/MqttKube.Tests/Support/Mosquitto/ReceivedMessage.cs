namespace MqttKube.Tests.Support.Mosquitto;

/// <summary>A message seen by <see cref="MqttTestClient"/>.</summary>
public sealed record ReceivedMessage(string Topic, string Payload, bool Retain, int Qos, byte[] Bytes);
