using System.Buffers;
using MQTTnet;
using MQTTnet.Protocol;

namespace MqttKube.Mqtt;

internal sealed partial class MqttConnection
{
    /// <inheritdoc/>
    public async Task SubscribeAsync(string filter, Func<MqttMessage, CancellationToken, Task> handler, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentNullException.ThrowIfNull(handler);
        var full = MqttTopic.Join(_prefix, filter);
        if (!MqttTopic.IsValidFilter(filter) || !MqttTopic.IsValidFilter(full))
        {
            throw new ArgumentException($"'{filter}' is not a valid MQTT topic filter", nameof(filter));
        }

        bool isNew;
        IMqttClient? client;
        lock (_gate)
        {
            isNew = _filters.Add(full);
            _routes = [.. _routes, new Route(full, handler)];
            client = _client;
        }

        if (!isNew || client is null)
        {
            return;
        }

        try
        {
            await SubscribeFiltersAsync(client, [full], cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // Subscribed again on the next connect.
            LogSubscribeFailed(full, ex.Message);
        }
    }

    /// <summary>Runs on MQTTnet's receive loop: only copy the message into the inbox.</summary>
    Task OnMessageReceivedAsync(MqttApplicationMessageReceivedEventArgs e)
    {
        var message = e.ApplicationMessage;
        Interlocked.Increment(ref _messagesReceived);
        var length = (int)Math.Min(message.Payload.Length, int.MaxValue);
        if (length > _options.MaxPayloadBytes)
        {
            LogOversizeReceived(message.Topic, length, _options.MaxPayloadBytes);
            return Task.CompletedTask;
        }

        if (!MqttTopic.TryRelativize(_prefix, message.Topic, out var relative))
        {
            LogOutsidePrefix(message.Topic);
            return Task.CompletedTask;
        }

        var copy = new MqttMessage(message.Topic, relative, message.Payload.ToArray(), (int)message.QualityOfServiceLevel, message.Retain);
        if (!_inbox.Writer.TryWrite(copy))
        {
            Interlocked.Increment(ref _messagesDropped);
            LogInboxFull(message.Topic);
        }

        return Task.CompletedTask;
    }

    /// <summary>Hands each received message to every handler whose filter matches, one message at a time.</summary>
    async Task DispatchAsync()
    {
        await foreach (var message in _inbox.Reader.ReadAllAsync().ConfigureAwait(false))
        {
            if (_logger.IsEnabled(Microsoft.Extensions.Logging.LogLevel.Debug))
            {
                LogReceived(message.Topic, message.Qos, message.Retain, Preview(message.Payload.Span));
            }

            var matched = 0;
            foreach (var route in Volatile.Read(ref _routes))
            {
                if (!MqttTopic.Matches(route.Filter, message.Topic))
                {
                    continue;
                }

                matched++;
                try
                {
                    await route.Handler(message, _handlerStop.Token).ConfigureAwait(false);
                }
                catch (Exception ex)
                {
                    LogHandlerFailed(message.Topic, route.Filter, ex);
                }
            }

            if (matched == 0)
            {
                LogUnrouted(message.Topic);
            }
        }
    }

    /// <summary>A payload as logged: its first 200 bytes, a longer one marked with its length (the log escapes it).</summary>
    static string Preview(ReadOnlySpan<byte> payload)
    {
        const int Max = 200;
        var text = System.Text.Encoding.UTF8.GetString(payload.Length > Max ? payload[..Max] : payload);
        return payload.Length > Max ? string.Concat(text, $"…[{payload.Length} bytes]") : text;
    }

    async Task SubscribeFiltersAsync(IMqttClient client, IReadOnlyCollection<string> filters, CancellationToken cancellationToken)
    {
        if (filters.Count == 0)
        {
            return;
        }

        var qos = (MqttQualityOfServiceLevel)_options.SubscriptionQos;
        var builder = _factory.CreateSubscribeOptionsBuilder();
        foreach (var filter in filters)
        {
            builder.WithTopicFilter(f => f.WithTopic(filter).WithQualityOfServiceLevel(qos));
        }

        var result = await client.SubscribeAsync(builder.Build(), cancellationToken).ConfigureAwait(false);
        foreach (var item in result.Items)
        {
            if (item.ResultCode > MqttClientSubscribeResultCode.GrantedQoS2)
            {
                LogSubscribeRefused(item.TopicFilter.Topic, item.ResultCode.ToString());
            }
            else
            {
                LogSubscribed(item.TopicFilter.Topic, (int)item.ResultCode);
            }
        }
    }

    string[] SnapshotFilters()
    {
        lock (_gate)
        {
            return [.. _filters];
        }
    }
}
