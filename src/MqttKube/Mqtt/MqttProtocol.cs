namespace MqttKube.Mqtt;

/// <summary>The MQTT protocol version spoken to the broker.</summary>
internal enum MqttProtocol
{
    /// <summary>MQTT 3.1.1 (the default).</summary>
    V311,

    /// <summary>MQTT 5.0.</summary>
    V5,
}
