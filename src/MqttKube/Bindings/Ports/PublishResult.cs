namespace MqttKube.Bindings.Ports;

/// <summary>What became of a publish.</summary>
internal enum PublishResult
{
    /// <summary>Handed to the broker (acknowledged for QoS 1 and 2).</summary>
    Sent,

    /// <summary>Not connected (or the connection went while sending): not sent; publish it again on the next connection.</summary>
    Offline,

    /// <summary>Not sent and not worth sending again: over the payload limit, or refused by the broker.</summary>
    Rejected,
}
