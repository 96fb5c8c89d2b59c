using System.Text;

namespace MqttKube.Mqtt;

/// <summary>The narrow MQTT surface the bindings use; <see cref="MqttConnection"/> implements it over the network.</summary>
internal interface IMqttPort
{
    /// <summary>Connected, subscribed and the offline queue flushed.</summary>
    bool IsConnected { get; }

    /// <summary>
    /// Awaited after every (re)connection, once subscriptions are back and queued publishes flushed: republish state
    /// here. Exceptions are logged.
    /// </summary>
    event Func<MqttConnectedEventArgs, Task>? Connected;

    /// <summary>
    /// Registers <paramref name="handler"/> for <paramref name="filter"/> (relative to the topic prefix; <c>+</c> and
    /// <c>#</c> allowed). Every handler whose filter matches a message gets it. When connected, completes once the
    /// broker acknowledged a new filter; otherwise at once (filters are subscribed on every connect).
    /// </summary>
    /// <exception cref="ArgumentException">The filter is not a valid MQTT topic filter.</exception>
    Task SubscribeAsync(string filter, Func<MqttMessage, CancellationToken, Task> handler, CancellationToken cancellationToken = default);

    /// <summary>
    /// Publishes to <paramref name="topic"/> (relative to the prefix). Offline: QoS 1/2 are queued (bounded; for
    /// <paramref name="isState"/> topics only the newest payload is kept), QoS 0 dropped.
    /// </summary>
    /// <exception cref="ArgumentException">Invalid topic (empty, wildcards) or QoS.</exception>
    ValueTask<MqttPublishOutcome> PublishAsync(
        string topic, ReadOnlyMemory<byte> payload, int qos, bool retain, bool isState, CancellationToken cancellationToken = default);

    /// <summary>Publishes a UTF-8 text payload; see the bytes overload.</summary>
    ValueTask<MqttPublishOutcome> PublishAsync(
        string topic, string payload, int qos, bool retain, bool isState, CancellationToken cancellationToken = default)
        => PublishAsync(topic, Encoding.UTF8.GetBytes(payload), qos, retain, isState, cancellationToken);
}
