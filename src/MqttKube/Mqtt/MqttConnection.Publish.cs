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
        lock (gate)
        {
            current = online ? client : null;
        }

        if (current is null)
        {
            LogNotPublishedOffline(full);
            return PublishResult.Offline;
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
    }

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
