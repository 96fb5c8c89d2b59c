using System.Buffers;
using MqttKube.Bindings.Ports;
using MQTTnet;
using MQTTnet.Protocol;

namespace MqttKube.Mqtt;

internal sealed partial class MqttConnection
{
    IDisposable IMqttPort.Subscribe(string filter, IInboundHandler handler) => Subscribe(filter, handler);

    /// <inheritdoc cref="IMqttPort.Subscribe"/>
    public MqttSubscription Subscribe(string filter, IInboundHandler handler) => Subscribe(filter, handler, followsStatus: false);

    /// <summary>
    /// Hands every message on the availability topic to <paramref name="handler"/>: the topic as it is now, and after a
    /// reconfiguration that changes it (<c>status-topic</c> or <c>topic-prefix</c>), the new one.
    /// </summary>
    public MqttSubscription SubscribeStatus(IInboundHandler handler)
    {
        string topic;
        lock (gate)
        {
            topic = config.StatusTopic;
        }

        return Subscribe(topic, handler, followsStatus: true);
    }

    private MqttSubscription Subscribe(string filter, IInboundHandler handler, bool followsStatus)
    {
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentNullException.ThrowIfNull(handler);
        var full = MqttTopic.Join(prefix, filter);
        if ((!MqttTopic.IsAbsolute(filter) && !MqttTopic.IsValidFilter(filter)) || !MqttTopic.IsValidFilter(full))
        {
            throw new ArgumentException($"'{filter}' is not a valid MQTT topic filter", nameof(filter));
        }

        var route = new Route(full, filter, handler, MqttTopic.IsAbsolute(filter), followsStatus);
        IMqttClient? current;
        bool isNew;
        lock (gate)
        {
            isNew = !filters.TryGetValue(full, out var count);
            filters[full] = count + 1;
            routes = [.. routes, route];
            current = client;
        }

        var acknowledged = isNew && current is not null ? SubscribeNowAsync(current, full) : Task.CompletedTask;
        return new MqttSubscription(() => Unsubscribe(route), acknowledged);
    }

    /// <summary>Removes a route; the last one of a filter unsubscribes it.</summary>
    private void Unsubscribe(Route route)
    {
        IMqttClient? current;
        bool last;
        lock (gate)
        {
            var index = Array.IndexOf(routes, route);
            if (index < 0)
            {
                return;
            }

            routes = [.. routes[..index], .. routes[(index + 1)..]];
            last = --filters[route.Filter] == 0;
            if (last)
            {
                filters.Remove(route.Filter);
            }

            current = client;
        }

        if (last && current is { IsConnected: true })
        {
            _ = UnsubscribeNowAsync(current, route.Filter);
        }
    }

    private async Task SubscribeNowAsync(IMqttClient current, string filter)
    {
        try
        {
            await SubscribeFiltersAsync(current, [filter], stopping.Token).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            LogSubscribeFailed(filter, ex.Message); // subscribed again on the next connect
        }
    }

    private async Task UnsubscribeNowAsync(IMqttClient current, string filter)
    {
        try
        {
            await current.UnsubscribeAsync(new MqttClientUnsubscribeOptionsBuilder().WithTopicFilter(filter).Build(), stopping.Token).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            LogUnsubscribeFailed(filter, ex.Message); // gone on the next connect anyway
        }
    }

    /// <summary>
    /// Runs on MQTTnet's receive loop: copies the message once and hands it to every handler whose filter matches
    /// (handlers only queue). Order is kept per handler.
    /// </summary>
    private Task OnMessageReceivedAsync(MqttApplicationMessageReceivedEventArgs e)
    {
        var message = e.ApplicationMessage;
        Interlocked.Increment(ref messagesReceived);
        var length = (int)Math.Min(message.Payload.Length, int.MaxValue);
        if (length > tuning.MaxPayloadBytes)
        {
            LogOversizeReceived(message.Topic, length, tuning.MaxPayloadBytes);
            return Task.CompletedTask;
        }

        // Outside the prefix only an absolute subscription (Home Assistant's birth topic) takes it, marked absolute.
        if (!MqttTopic.TryRelativize(prefix, message.Topic, out var relative))
        {
            relative = MqttTopic.Absolute(message.Topic);
            if (!Array.Exists(Volatile.Read(ref routes), r => r.Absolute && MqttTopic.Matches(r.Filter, message.Topic)))
            {
                LogOutsidePrefix(message.Topic);
                return Task.CompletedTask;
            }
        }

        var inbound = new InboundMessage(relative, message.Payload.ToArray(), (int)message.QualityOfServiceLevel, message.Retain);
        if (logger.IsEnabled(Microsoft.Extensions.Logging.LogLevel.Debug))
        {
            LogReceived(message.Topic, inbound.Qos, inbound.Retain, Preview(inbound.Payload.Span));
        }

        var matched = 0;
        foreach (var route in Volatile.Read(ref routes))
        {
            if (!MqttTopic.Matches(route.Filter, message.Topic))
            {
                continue;
            }

            matched++;
            try
            {
                route.Handler.Post(inbound);
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

        return Task.CompletedTask;
    }

    /// <summary>A payload as logged: its first 200 bytes, a longer one marked with its length (the log escapes it).</summary>
    private static string Preview(ReadOnlySpan<byte> payload)
    {
        const int Max = 200;
        var text = System.Text.Encoding.UTF8.GetString(payload.Length > Max ? payload[..Max] : payload);
        return payload.Length > Max ? string.Concat(text, $"…[{payload.Length} bytes]") : text;
    }

    private async Task SubscribeFiltersAsync(IMqttClient current, IReadOnlyCollection<string> wanted, CancellationToken cancellationToken)
    {
        if (wanted.Count == 0)
        {
            return;
        }

        var qos = (MqttQualityOfServiceLevel)config.Qos;
        var builder = new MqttClientSubscribeOptionsBuilder();
        foreach (var filter in wanted)
        {
            builder.WithTopicFilter(f => f.WithTopic(filter).WithQualityOfServiceLevel(qos));
        }

        var result = await current.SubscribeAsync(builder.Build(), cancellationToken).ConfigureAwait(false);
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

    private string[] SnapshotFilters()
    {
        lock (gate)
        {
            return [.. filters.Keys];
        }
    }
}
