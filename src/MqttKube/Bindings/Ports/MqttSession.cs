namespace MqttKube.Bindings.Ports;

/// <summary>One connection to the broker, as <see cref="IMqttPort.Connected"/> announces it.</summary>
/// <param name="Number">1 for the first connection, 2 for the first reconnection, ...</param>
internal sealed record MqttSession(int Number)
{
    public bool IsReconnect => Number > 1;
}
