using System.Text;
using MQTTnet;
using MQTTnet.Protocol;

namespace MqttKube.Mqtt;

internal sealed partial class MqttConnection
{
    /// <inheritdoc/>
    public async ValueTask<MqttPublishOutcome> PublishAsync(
        string topic, ReadOnlyMemory<byte> payload, int qos, bool retain, bool isState, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(topic);
        ArgumentOutOfRangeException.ThrowIfLessThan(qos, 0);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(qos, 2);
        var full = MqttTopic.Join(_prefix, topic);
        if (!MqttTopic.IsValidTopicName(topic) || !MqttTopic.IsValidTopicName(full))
        {
            throw new ArgumentException($"'{topic}' is not a valid MQTT topic name", nameof(topic));
        }

        if (payload.Length > _options.MaxPayloadBytes)
        {
            LogOversizePublish(full, payload.Length, _options.MaxPayloadBytes);
            return MqttPublishOutcome.Rejected;
        }

        var item = new QueuedPublish(full, payload.ToArray(), qos, retain, isState);
        IMqttClient? client;
        lock (_gate)
        {
            if (!_online || _client is null)
            {
                return EnqueueLocked(item);
            }

            client = _client;
        }

        try
        {
            return await SendAsync(client, item, cancellationToken).ConfigureAwait(false)
                ? MqttPublishOutcome.Sent
                : MqttPublishOutcome.Rejected;
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            LogPublishFailed(full, ex.Message);
            lock (_gate)
            {
                // Lost the connection under our feet: keep it for the next connect. Still connected: a real failure.
                return client.IsConnected ? MqttPublishOutcome.Rejected : EnqueueLocked(item);
            }
        }
    }

    /// <inheritdoc/>
    public ValueTask<MqttPublishOutcome> PublishAsync(
        string topic, string payload, int qos, bool retain, bool isState, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(payload);
        return PublishAsync(topic, Encoding.UTF8.GetBytes(payload), qos, retain, isState, cancellationToken);
    }

    MqttPublishOutcome EnqueueLocked(QueuedPublish item)
    {
        if (item.Qos == 0)
        {
            Interlocked.Increment(ref _messagesDropped);
            LogDroppedOffline(item.Topic);
            return MqttPublishOutcome.Dropped;
        }

        var evicted = _queue.Enqueue(item, out var replaced);
        if (evicted is not null)
        {
            Interlocked.Increment(ref _messagesDropped);
            LogQueueOverflow(evicted.Topic, _options.OfflineQueueLimit);
        }

        LogQueued(item.Topic, replaced, _queue.Count);
        return MqttPublishOutcome.Queued;
    }

    /// <summary>Publishes one message; false when the broker refused it (MQTT 5 reason code).</summary>
    async Task<bool> SendAsync(IMqttClient client, QueuedPublish item, CancellationToken cancellationToken)
    {
        var message = new MqttApplicationMessageBuilder()
            .WithTopic(item.Topic)
            .WithPayload(item.Payload)
            .WithQualityOfServiceLevel((MqttQualityOfServiceLevel)item.Qos)
            .WithRetainFlag(item.Retain)
            .Build();
        var result = await client.PublishAsync(message, cancellationToken).ConfigureAwait(false);
        if (!result.IsSuccess)
        {
            LogPublishRefused(item.Topic, result.ReasonCode.ToString(), result.ReasonString ?? string.Empty);
            return false;
        }

        Interlocked.Increment(ref _messagesPublished);
        if (_logger.IsEnabled(Microsoft.Extensions.Logging.LogLevel.Debug))
        {
            LogPublished(item.Topic, item.Qos, item.Retain, Preview(item.Payload));
        }

        return true;
    }

    /// <summary>Sends the offline queue in order; when it is empty, the connection goes online under the lock.</summary>
    async Task FlushQueueAsync(IMqttClient client, CancellationToken cancellationToken)
    {
        var flushed = 0;
        while (true)
        {
            QueuedPublish item;
            lock (_gate)
            {
                if (!_queue.TryDequeue(out item))
                {
                    _online = true;
                    _stateSince = DateTimeOffset.UtcNow;
                    _lastError = null;
                    _connectedSignal.TrySetResult();
                    break;
                }
            }

            try
            {
                await SendAsync(client, item, cancellationToken).ConfigureAwait(false);
                flushed++;
            }
            catch
            {
                lock (_gate)
                {
                    if (!_queue.Requeue(item))
                    {
                        Interlocked.Increment(ref _messagesDropped);
                    }
                }

                throw;
            }
        }

        if (flushed > 0)
        {
            LogQueueFlushed(flushed);
        }
    }
}
