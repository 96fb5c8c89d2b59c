namespace MqttKube.Mqtt;

/// <summary>Raised after each successful connection, once subscriptions and the offline queue are done.</summary>
/// <param name="IsReconnect">False for the first connection of this <see cref="MqttConnection"/>.</param>
/// <param name="ConnectionCount">1 for the first connection, 2 for the first reconnect, ...</param>
/// <param name="CancellationToken">Cancelled when the connection is being stopped.</param>
internal sealed record MqttConnectedEventArgs(bool IsReconnect, int ConnectionCount, CancellationToken CancellationToken);
