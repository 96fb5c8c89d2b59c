using System.Security.Cryptography;
using Microsoft.Extensions.Logging;
using MqttKube.Configuration;

namespace MqttKube.Mqtt;

internal sealed partial class MqttConnection
{
    /// <summary>
    /// Takes a changed <c>mqtt:</c> section (hot reload): the current connection says <c>offline</c> and leaves, and the
    /// client connects again at once with the new settings. Subscriptions are kept (under the new prefix; the
    /// availability topic's, <see cref="SubscribeStatus"/>, on the new availability topic), and
    /// <see cref="Connected"/> fires as after any reconnection, so the bindings publish their states again. The client
    /// id keeps its suffix unless the id settings changed. Returns without waiting for the new connection.
    /// </summary>
    public void Reconfigure(MqttConfig changed)
    {
        ArgumentNullException.ThrowIfNull(changed);
        CancellationTokenSource? ending;
        lock (gate)
        {
            if (changed.ClientId != config.ClientId || changed.ClientIdSuffix != config.ClientIdSuffix)
            {
                ClientId = ClientIdOf(changed);
            }

            config = changed;
            prefix = PrefixOf(changed);
            StatusTopic = MqttTopic.Join(prefix, changed.StatusTopic);
            routes = [.. routes.Select(r => r.FollowsStatus ? r with { Relative = changed.StatusTopic, Filter = StatusTopic } : r with { Filter = MqttTopic.Join(prefix, r.Relative) })];
            filters.Clear();
            foreach (var route in routes)
            {
                filters[route.Filter] = filters.GetValueOrDefault(route.Filter) + 1;
            }

            ending = turn;
        }

        LogReconfiguring(Broker, ClientId);
        try
        {
            ending?.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // that turn just ended: the next one reads the new settings
        }
    }

    /// <summary>The full topic (the prefix included) of a topic relative to the prefix, as the broker sees it.</summary>
    public string FullTopic(string topic) => MqttTopic.Join(prefix, topic);

    /// <summary>A token for one connection attempt (or one wait between attempts), which a reconfiguration cancels.</summary>
    private CancellationTokenSource NewTurn(CancellationToken stoppingToken)
    {
        var next = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        lock (gate)
        {
            turn = next;
        }

        return next;
    }

    private static string? PrefixOf(MqttConfig config) => string.IsNullOrEmpty(config.TopicPrefix) ? null : config.TopicPrefix;

    private static string ClientIdOf(MqttConfig config) => config.ClientIdSuffix
        ? string.Concat(config.ClientId, "-", Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(3)))
        : config.ClientId;

    [LoggerMessage(7209, LogLevel.Information, "The mqtt settings changed: reconnecting to {Broker} as {ClientId}")]
    partial void LogReconfiguring(string broker, string clientId);
}
