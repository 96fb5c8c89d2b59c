using System.Security.Cryptography;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using MQTTnet;

namespace MqttKube.Mqtt;

/// <summary>
/// The product's single MQTT client: connects (and reconnects forever with back-off), keeps the availability topic,
/// routes incoming messages to handlers by topic filter, and queues publishes made while offline.
/// </summary>
/// <remarks>
/// Handlers run one after another on a dispatch loop of their own, never on MQTTnet's receive loop, so they may
/// publish and await. A slow handler delays later messages (order is kept).
/// </remarks>
internal sealed partial class MqttConnection : IMqttPort, IAsyncDisposable
{
    internal const string OnlinePayload = "online";
    internal const string OfflinePayload = "offline";

    readonly MqttOptions _options;
    readonly ILogger _logger;
    readonly MqttClientFactory _factory = new();
    readonly Lock _gate = new();
    readonly OfflineQueue _queue;
    readonly HashSet<string> _filters = new(StringComparer.Ordinal);
    readonly Channel<MqttMessage> _inbox;
    readonly CancellationTokenSource _stopping = new();
    readonly CancellationTokenSource _handlerStop = new();
    readonly string? _prefix;

    Route[] _routes = [];
    IMqttClient? _client;
    IMqttClient? _clientAtStop;
    bool _online;
    DateTimeOffset? _stateSince;
    string? _lastError;
    bool _started;
    bool _stopped;
    Task _loop = Task.CompletedTask;
    Task _dispatcher = Task.CompletedTask;
    TaskCompletionSource _connectedSignal = NewSignal();
    long _messagesReceived;
    long _messagesPublished;
    long _messagesDropped;
    int _connectionCount;

    public MqttConnection(MqttOptions options, ILogger<MqttConnection> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(logger);
        _options = options;
        _logger = logger;
        _prefix = string.IsNullOrEmpty(options.TopicPrefix) ? null : options.TopicPrefix;
        _queue = new OfflineQueue(options.OfflineQueueLimit);
        _inbox = Channel.CreateBounded<MqttMessage>(new BoundedChannelOptions(10_000) { SingleReader = true });
        ClientId = options.ClientIdSuffix
            ? string.Concat(options.ClientId, "-", Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(3)))
            : options.ClientId;
        StatusTopic = MqttTopic.Join(_prefix, options.StatusTopic);
    }

    /// <inheritdoc/>
    public event Func<MqttConnectedEventArgs, Task>? Connected;

    /// <summary>The client id sent to the broker (suffix included).</summary>
    public string ClientId { get; }

    /// <summary>The full availability topic (prefix included).</summary>
    public string StatusTopic { get; }

    /// <inheritdoc/>
    public bool IsConnected => Volatile.Read(ref _online);

    /// <summary>When the connection last came up, or went down (null before the first attempt ended).</summary>
    public DateTimeOffset? StateSince
    {
        get
        {
            lock (_gate)
            {
                return _stateSince;
            }
        }
    }

    /// <summary>Why the last attempt failed or the last connection was lost (null after a clean connect).</summary>
    public string? LastError
    {
        get
        {
            lock (_gate)
            {
                return _lastError;
            }
        }
    }

    /// <summary>Messages received from the broker (oversize ones included).</summary>
    public long MessagesReceived => Interlocked.Read(ref _messagesReceived);

    /// <summary>Messages handed to the broker (availability messages included).</summary>
    public long MessagesPublished => Interlocked.Read(ref _messagesPublished);

    /// <summary>Messages lost: QoS 0 publishes while offline, evictions from the offline queue, inbox overflow.</summary>
    public long MessagesDropped => Interlocked.Read(ref _messagesDropped);

    /// <summary>Publishes waiting in the offline queue.</summary>
    public int QueuedCount
    {
        get
        {
            lock (_gate)
            {
                return _queue.Count;
            }
        }
    }

    /// <summary>Successful connections so far.</summary>
    public int ConnectionCount => Volatile.Read(ref _connectionCount);

    /// <summary>Starts connecting in the background and returns at once; connection failures are retried forever.</summary>
    public Task StartAsync(CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_stopped, this);
            if (_started)
            {
                return Task.CompletedTask;
            }

            _started = true;
        }

        _dispatcher = Task.Run(DispatchAsync, CancellationToken.None);
        _loop = Task.Run(() => RunAsync(_stopping.Token), CancellationToken.None);
        return Task.CompletedTask;
    }

    /// <summary>Completes when <see cref="IsConnected"/> becomes true.</summary>
    public Task WaitUntilConnectedAsync(CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            return _connectedSignal.Task.WaitAsync(cancellationToken);
        }
    }

    /// <summary>
    /// Clean stop: publishes <c>offline</c> (retained) when connected, disconnects (no last will), stops reconnecting,
    /// then lets the handlers finish the messages already received (cancelled when <paramref name="cancellationToken"/>
    /// fires).
    /// </summary>
    public async Task StopAsync(CancellationToken cancellationToken = default)
    {
        IMqttClient? client;
        lock (_gate)
        {
            if (_stopped)
            {
                return;
            }

            _stopped = true;
            _online = false;
            client = _clientAtStop = _client;
        }

        // Disconnect first, then stop the loop: the loop leaves this client alone (see ServeOneConnectionAsync).
        if (client is { IsConnected: true })
        {
            await DisconnectCleanlyAsync(client, cancellationToken).ConfigureAwait(false);
        }

        await _stopping.CancelAsync().ConfigureAwait(false);
        await _loop.ConfigureAwait(false);
        client?.Dispose();
        _inbox.Writer.TryComplete();
        using (cancellationToken.Register(() => _handlerStop.Cancel()))
        {
            await _dispatcher.ConfigureAwait(false);
        }

        LogStopped(ClientId);
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync().ConfigureAwait(false);
        _stopping.Dispose();
        _handlerStop.Dispose();
    }

    async Task DisconnectCleanlyAsync(IMqttClient client, CancellationToken cancellationToken)
    {
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(_options.OperationTimeout);
            await SendAsync(client, new QueuedPublish(StatusTopic, "offline"u8.ToArray(), 1, true, false), timeout.Token)
                .ConfigureAwait(false);
            await client.DisconnectAsync(new MqttClientDisconnectOptions(), timeout.Token).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            LogCleanStopFailed(ex.Message);
        }
    }

    static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    sealed record Route(string Filter, Func<MqttMessage, CancellationToken, Task> Handler);
}
