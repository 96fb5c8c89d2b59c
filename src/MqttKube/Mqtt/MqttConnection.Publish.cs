using MqttKube.Bindings.Ports;
using MQTTnet;
using MQTTnet.Protocol;

namespace MqttKube.Mqtt;

internal sealed partial class MqttConnection
{
    /// <inheritdoc/>
    public async ValueTask<PublishResult> PublishAsync(string topic, ReadOnlyMemory<byte> payload, int qos, bool retain, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(topic);
        ArgumentOutOfRangeException.ThrowIfLessThan(qos, 0);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(qos, 2);
        var full = MqttTopic.Join(prefix, topic);
        if ((!MqttTopic.IsAbsolute(topic) && !MqttTopic.IsValidTopicName(topic)) || !MqttTopic.IsValidTopicName(full))
        {
            throw new ArgumentException($"'{topic}' is not a valid MQTT topic name", nameof(topic));
        }

        if (payload.Length > tuning.MaxPayloadBytes)
        {
            LogOversizePublish(full, payload.Length, tuning.MaxPayloadBytes);
            return PublishResult.Rejected;
        }

        IMqttClient? current;
        SemaphoreSlim window;
        lock (gate)
        {
            (current, window) = (online ? client : null, unacknowledged);
        }

        if (current is null)
        {
            LogNotPublishedOffline(full);
            return PublishResult.Offline;
        }

        var acknowledged = qos > 0;
        if (acknowledged)
        {
            await window.WaitAsync(cancellationToken).ConfigureAwait(false);
        }

        try
        {
            return await SendAsync(current, full, payload, qos, retain, cancellationToken).ConfigureAwait(false)
                ? PublishResult.Sent
                : PublishResult.Rejected;
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            LogPublishFailed(full, ex.Message);

            // Lost the connection under our feet: sent again after the reconnect. Still connected: a real failure.
            return current.IsConnected ? PublishResult.Rejected : PublishResult.Offline;
        }
        finally
        {
            if (acknowledged)
            {
                window.Release();
            }
        }
    }

    /// <summary>
    /// A connection's window of QoS 1 and 2 publishes not acknowledged yet: the broker's Receive Maximum (an MQTT 5
    /// CONNACK property), else 65,535 (MQTT 3.1.1 has no limit). Publishes past it wait their turn rather than break the
    /// protocol: the state table keeps many in flight to pipeline them (a start publishes one state per watch).
    /// </summary>
    private static SemaphoreSlim Window(MqttClientConnectResult result) => new(result.ReceiveMaximum is > 0 and var most ? most : ushort.MaxValue);

    /// <summary>Publishes one message (<paramref name="topic"/> in full); false when the broker refused it (MQTT 5 reason code).</summary>
    private async Task<bool> SendAsync(IMqttClient current, string topic, ReadOnlyMemory<byte> payload, int qos, bool retain, CancellationToken cancellationToken)
    {
        var message = new MqttApplicationMessageBuilder()
            .WithTopic(topic)
            .WithPayload(payload.ToArray())
            .WithQualityOfServiceLevel((MqttQualityOfServiceLevel)qos)
            .WithRetainFlag(retain)
            .Build();
        var result = await current.PublishAsync(message, cancellationToken).ConfigureAwait(false);
        if (!result.IsSuccess)
        {
            LogPublishRefused(topic, result.ReasonCode.ToString(), result.ReasonString ?? string.Empty);
            return false;
        }

        Interlocked.Increment(ref messagesPublished);
        if (logger.IsEnabled(Microsoft.Extensions.Logging.LogLevel.Debug))
        {
            LogPublished(topic, qos, retain, Preview(payload.Span));
        }

        return true;
    }
}
