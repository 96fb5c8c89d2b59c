namespace MqttKube.Bindings.Ports;

/// <summary>
/// What the bindings need of MQTT: publish a state, take the messages of a topic filter, learn when a (re)connection
/// is up. Topics and filters are relative to the topic prefix, unless marked absolute by
/// <see cref="Mqtt.MqttTopic.Absolute"/> (Home Assistant's discovery and birth topics); <c>Mqtt/</c> implements it over
/// MQTTnet, tests in memory.
/// </summary>
internal interface IMqttPort
{
    /// <summary>Connected and subscribed.</summary>
    bool IsConnected { get; }

    /// <summary>
    /// Raised after every (re)connection, once every filter is subscribed again: the bindings publish every state
    /// again. Handlers must not block (they queue work).
    /// </summary>
    event Action<MqttSession>? Connected;

    /// <summary>
    /// Hands every message whose topic matches <paramref name="filter"/> (<c>+</c> and <c>#</c> allowed) to
    /// <paramref name="handler"/>. Several handlers may share a filter: the broker is asked once. Disposing the result
    /// stops the delivery (and unsubscribes the filter when no handler is left).
    /// </summary>
    /// <exception cref="ArgumentException">The filter is not a valid MQTT topic filter.</exception>
    IDisposable Subscribe(string filter, IInboundHandler handler);

    /// <summary>
    /// Publishes <paramref name="payload"/> to <paramref name="topic"/>. Offline it returns
    /// <see cref="PublishResult.Offline"/> at once: nothing is queued here (every publish of the product is a state,
    /// and the bindings' state table keeps the newest one and publishes it again on <see cref="Connected"/>).
    /// </summary>
    /// <exception cref="ArgumentException">The topic is not a valid topic name, or the QoS is not 0, 1 or 2.</exception>
    ValueTask<PublishResult> PublishAsync(string topic, ReadOnlyMemory<byte> payload, int qos, bool retain, CancellationToken cancellationToken);
}
