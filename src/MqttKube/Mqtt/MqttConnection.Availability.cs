using MQTTnet;

namespace MqttKube.Mqtt;

internal sealed partial class MqttConnection
{
    private bool announcing = true;

    /// <summary>
    /// Whether this replica speaks for the service on the availability topic: <c>online</c> (retained) on every
    /// connection and <c>offline</c> on a clean stop. True by default; under leader election only the leader does
    /// (set false before <see cref="StartAsync"/>). Every connection keeps its last will (<c>offline</c>): the
    /// leader puts <c>online</c> back when a follower's will fires.
    /// </summary>
    public bool Announcing => Volatile.Read(ref announcing);

    /// <summary>Starts or stops speaking for the service; when connected, publishes <c>online</c> or <c>offline</c> now.</summary>
    public async Task AnnounceAsync(bool available, CancellationToken cancellationToken = default)
    {
        IMqttClient? current;
        lock (gate)
        {
            Volatile.Write(ref announcing, available);
            current = online ? client : null;
        }

        if (current is null)
        {
            return;
        }

        try
        {
            await SendAsync(current, StatusTopic, available ? "online"u8.ToArray() : "offline"u8.ToArray(), 1, true, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            LogPublishFailed(StatusTopic, ex.Message); // the connection went: the next one announces (or not) again
        }
    }

    /// <summary>On a new connection: <c>online</c> when this replica speaks for the service.</summary>
    private async Task AnnounceOnConnectAsync(IMqttClient candidate, string statusTopic, CancellationToken cancellationToken)
    {
        if (!Volatile.Read(ref announcing))
        {
            return;
        }

        await SendAsync(candidate, statusTopic, "online"u8.ToArray(), 1, true, cancellationToken).ConfigureAwait(false);
        if (!Volatile.Read(ref announcing))
        {
            // Stopped speaking meanwhile (leadership lost during the connect): take the 'online' back.
            await SendAsync(candidate, statusTopic, "offline"u8.ToArray(), 1, true, cancellationToken).ConfigureAwait(false);
        }
    }
}
