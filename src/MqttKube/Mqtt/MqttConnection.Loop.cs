using MQTTnet;

namespace MqttKube.Mqtt;

internal sealed partial class MqttConnection
{
    /// <summary>Connect, serve until the connection is lost, wait (0.25 s doubling to 30 s, with jitter), repeat until stopped.</summary>
    async Task RunAsync(CancellationToken stopping)
    {
        var backoff = new Backoff(_options.ReconnectMinDelay, _options.ReconnectMaxDelay);
        var attempt = 0;
        while (!stopping.IsCancellationRequested)
        {
            attempt++;
            if (await ServeOneConnectionAsync(attempt, stopping).ConfigureAwait(false))
            {
                backoff.Reset();
                attempt = 0;
            }

            if (stopping.IsCancellationRequested)
            {
                break;
            }

            var delay = backoff.Next();
            LogReconnectIn(delay.TotalSeconds);
            try
            {
                await Task.Delay(delay, stopping).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
    }

    /// <summary>One connection's life; returns whether it got connected.</summary>
    async Task<bool> ServeOneConnectionAsync(int attempt, CancellationToken stopping)
    {
        var client = _factory.CreateMqttClient();
        var lost = new TaskCompletionSource<MqttClientDisconnectedEventArgs>(TaskCreationOptions.RunContinuationsAsynchronously);
        client.ApplicationMessageReceivedAsync += OnMessageReceivedAsync;
        client.DisconnectedAsync += e =>
        {
            lost.TrySetResult(e);
            return Task.CompletedTask;
        };

        var connected = false;
        try
        {
            LogConnecting(_options.Host, _options.EffectivePort, ClientId, attempt);
            var clientOptions = BuildClientOptions();
            MqttClientConnectResult result;
            using (var timeout = CancellationTokenSource.CreateLinkedTokenSource(stopping))
            {
                timeout.CancelAfter(_options.OperationTimeout);
                result = await client.ConnectAsync(clientOptions, timeout.Token).ConfigureAwait(false);
            }

            if (result.ResultCode != MqttClientConnectResultCode.Success || !client.IsConnected)
            {
                LogConnectRefused(_options.Host, _options.EffectivePort, Refusal(result), attempt);
                Failed($"refused: {Refusal(result)}");
                return false;
            }

            connected = true;
            lock (_gate)
            {
                _client = client;
            }

            await SubscribeFiltersAsync(client, SnapshotFilters(), stopping).ConfigureAwait(false);
            await SendAsync(client, new QueuedPublish(StatusTopic, "online"u8.ToArray(), 1, true, false), stopping).ConfigureAwait(false);
            await FlushQueueAsync(client, stopping).ConfigureAwait(false);

            var count = Interlocked.Increment(ref _connectionCount);
            LogConnected(_options.Host, _options.EffectivePort, ClientId, count > 1);
            await RaiseConnectedAsync(new MqttConnectedEventArgs(count > 1, count, stopping)).ConfigureAwait(false);

            var reason = await lost.Task.WaitAsync(stopping).ConfigureAwait(false);
            LogConnectionLost(reason.Reason.ToString(), reason.Exception?.Message ?? reason.ReasonString ?? string.Empty);
            Failed($"connection lost ({reason.Reason})");
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            // stopping
        }
        catch (Exception ex)
        {
            if (connected)
            {
                LogConnectionSetupFailed(ex.Message);
            }
            else
            {
                LogConnectFailed(_options.Host, _options.EffectivePort, Describe(ex), attempt);
            }

            Failed(Describe(ex));
        }
        finally
        {
            bool ownedByStop;
            lock (_gate)
            {
                ownedByStop = ReferenceEquals(client, _clientAtStop);
                if (_online || _stateSince is null)
                {
                    _stateSince = DateTimeOffset.UtcNow; // went down now (or the first attempt ended)
                }

                _online = false;
                if (ReferenceEquals(_client, client))
                {
                    _client = null;
                }

                if (_connectedSignal.Task.IsCompleted)
                {
                    _connectedSignal = NewSignal();
                }
            }

            if (!ownedByStop)
            {
                client.Dispose();
            }
        }

        return connected;
    }

    /// <summary>Keeps why the connection is not up, for the status page.</summary>
    void Failed(string reason)
    {
        lock (_gate)
        {
            _lastError = reason;
        }
    }

    async Task RaiseConnectedAsync(MqttConnectedEventArgs args)
    {
        var handlers = Connected;
        if (handlers is null)
        {
            return;
        }

        foreach (var handler in handlers.GetInvocationList().Cast<Func<MqttConnectedEventArgs, Task>>())
        {
            try
            {
                await handler(args).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !args.CancellationToken.IsCancellationRequested)
            {
                LogConnectedCallbackFailed(ex);
            }
        }
    }

    static string Refusal(MqttClientConnectResult result)
        => string.IsNullOrEmpty(result.ReasonString) ? result.ResultCode.ToString() : $"{result.ResultCode} ({result.ReasonString})";

    static string Describe(Exception ex)
    {
        var message = ex.Message;
        for (var inner = ex.InnerException; inner is not null; inner = inner.InnerException)
        {
            message = string.Concat(message, ": ", inner.Message);
        }

        return message;
    }
}
