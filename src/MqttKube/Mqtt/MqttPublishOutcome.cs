namespace MqttKube.Mqtt;

/// <summary>What became of a publish.</summary>
internal enum MqttPublishOutcome
{
    /// <summary>Handed to the broker (acknowledged for QoS 1/2).</summary>
    Sent,

    /// <summary>Offline: kept in the offline queue, sent after reconnect.</summary>
    Queued,

    /// <summary>Offline and QoS 0: dropped.</summary>
    Dropped,

    /// <summary>Not sent: payload over the limit, or the broker refused it while connected.</summary>
    Rejected,
}
