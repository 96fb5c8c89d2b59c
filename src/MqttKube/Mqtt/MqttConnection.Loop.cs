using MqttKube.Bindings.Ports;
using MQTTnet;
using MQTTnet.Diagnostics.Logger;

namespace MqttKube.Mqtt;

internal sealed partial class MqttConnection
{
    /// <summary>Connect, serve until the connection is lost, wait (1 s doubling to 30 s, with jitter), repeat until stopped.</summary>
    private async Task RunAsync(CancellationToken cancellationToken)
    {
        var backoff = new Backoff(tuning.ReconnectMinDelay, tuning.ReconnectMaxDelay);
        var attempt = 0;
        while (!cancellationToken.IsCancellationRequested)
        {
            using var current = NewTurn(cancellationToken);
            attempt++;
            if (await ServeOneConnectionAsync(attempt, current.Token).ConfigureAwait(false))
            {
                backoff.Reset();
                attempt = 0;
            }

            if (cancellationToken.IsCancellationRequested)
            {
                break;
            }

            if (current.IsCancellationRequested)
            {
                backoff.Reset(); // reconfigured: connect with the new settings at once
                attempt = 0;
                continue;
            }

            var delay = backoff.Next();
            LogReconnectIn(delay.TotalSeconds);
            try
            {
                await Task.Delay(delay, current.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                attempt = 0; // reconfigured while waiting: try the new settings now
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
    }

    /// <summary>One connection's life; returns whether it got connected. <paramref name="cancellationToken"/> ends it (a stop or a reconfiguration).</summary>
    private async Task<bool> ServeOneConnectionAsync(int attempt, CancellationToken cancellationToken)
    {
        var candidate = new MqttClient(adapters, MqttNetNullLogger.Instance);
        var lost = new TaskCompletionSource<MqttClientDisconnectedEventArgs>(TaskCreationOptions.RunContinuationsAsynchronously);
        candidate.ApplicationMessageReceivedAsync += OnMessageReceivedAsync;
        candidate.DisconnectedAsync += e =>
        {
            lost.TrySetResult(e);
            return Task.CompletedTask;
        };

        var connected = false;
        var statusTopic = StatusTopic;
        try
        {
            LogConnecting(config.Host, config.EffectivePort, ClientId, attempt);
            var clientOptions = BuildClientOptions();
            MqttClientConnectResult result;
            using (var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
            {
                timeout.CancelAfter(tuning.OperationTimeout);
                result = await candidate.ConnectAsync(clientOptions, timeout.Token).ConfigureAwait(false);
            }

            if (result.ResultCode != MqttClientConnectResultCode.Success || !candidate.IsConnected)
            {
                LogConnectRefused(config.Host, config.EffectivePort, Refusal(result), attempt);
                Failed($"refused: {Refusal(result)}");
                return false;
            }

            connected = true;
            lock (gate)
            {
                (client, unacknowledged) = (candidate, Window(result));
            }

            await SubscribeFiltersAsync(candidate, SnapshotFilters(), cancellationToken).ConfigureAwait(false);
            await AnnounceOnConnectAsync(candidate, statusTopic, cancellationToken).ConfigureAwait(false);
            var count = Interlocked.Increment(ref connectionCount);
            lock (gate)
            {
                online = candidate.IsConnected;
                stateSince = DateTimeOffset.UtcNow;
                lastError = null;
                connectedSignal.TrySetResult();
            }

            LogConnected(config.Host, config.EffectivePort, ClientId, count > 1);
            RaiseConnected(new MqttSession(count));

            var reason = await lost.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
            LogConnectionLost(reason.Reason.ToString(), reason.Exception?.Message ?? reason.ReasonString ?? string.Empty);
            Failed($"connection lost ({reason.Reason})");
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            if (connected && !stopping.IsCancellationRequested)
            {
                await DisconnectCleanlyAsync(candidate, statusTopic, CancellationToken.None).ConfigureAwait(false);
            }
        }
        catch (Exception ex)
        {
            if (connected)
            {
                LogConnectionSetupFailed(ex.Message);
            }
            else
            {
                LogConnectFailed(config.Host, config.EffectivePort, Describe(ex), attempt);
            }

            Failed(Describe(ex));
        }
        finally
        {
            bool ownedByStop;
            lock (gate)
            {
                ownedByStop = ReferenceEquals(candidate, clientAtStop);
                if (online || stateSince is null)
                {
                    stateSince = DateTimeOffset.UtcNow; // went down now (or the first attempt ended)
                }

                online = false;
                if (ReferenceEquals(client, candidate))
                {
                    client = null;
                }

                if (connectedSignal.Task.IsCompleted)
                {
                    connectedSignal = NewSignal();
                }
            }

            if (!ownedByStop)
            {
                candidate.Dispose();
            }
        }

        return connected;
    }

    /// <summary>Keeps why the connection is not up, for the status page.</summary>
    private void Failed(string reason)
    {
        lock (gate)
        {
            lastError = reason;
        }
    }

    private void RaiseConnected(MqttSession session)
    {
        foreach (var handler in Connected?.GetInvocationList().Cast<Action<MqttSession>>() ?? [])
        {
            try
            {
                handler(session);
            }
            catch (Exception ex)
            {
                LogConnectedCallbackFailed(ex);
            }
        }
    }

    private static string Refusal(MqttClientConnectResult result)
        => string.IsNullOrEmpty(result.ReasonString) ? result.ResultCode.ToString() : $"{result.ResultCode} ({result.ReasonString})";

    private static string Describe(Exception ex)
    {
        var message = ex.Message;
        for (var inner = ex.InnerException; inner is not null; inner = inner.InnerException)
        {
            message = string.Concat(message, ": ", inner.Message);
        }

        return message;
    }
}
