using Microsoft.Extensions.Logging;
using MqttKube.Bindings.Ports;
using MqttKube.Configuration;
using MQTTnet;

namespace MqttKube.Mqtt;

/// <summary>
/// The product's single MQTT client, configured by the config's <c>mqtt:</c> block: connects (and reconnects forever
/// with back-off), keeps the availability topic, routes each received message to the handlers whose filter matches
/// it (on the receive path: handlers only queue), and publishes. Nothing is queued here while offline: a publish
/// then answers <see cref="PublishResult.Offline"/>, and <see cref="Connected"/> tells when to publish again.
/// </summary>
internal sealed partial class MqttConnection : IMqttPort, IAsyncDisposable
{
    internal const string OnlinePayload = "online";
    internal const string OfflinePayload = "offline";

    private MqttConfig config;
    private readonly MqttTuning tuning;
    private readonly ILogger logger;
    private readonly TcpAdapterFactory adapters = new();
    private readonly Lock gate = new();
    private readonly Dictionary<string, int> filters = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource stopping = new();
    private string? prefix;
    private CancellationTokenSource? turn;

    private Route[] routes = [];
    private IMqttClient? client;
    private SemaphoreSlim unacknowledged = new(ushort.MaxValue);
    private IMqttClient? clientAtStop;
    private bool online;
    private DateTimeOffset? stateSince;
    private string? lastError;
    private bool started;
    private bool stopped;
    private Task loop = Task.CompletedTask;
    private TaskCompletionSource connectedSignal = NewSignal();
    private long messagesReceived;
    private long messagesPublished;
    private int connectionCount;

    public MqttConnection(MqttConfig config, ILogger<MqttConnection> logger, MqttTuning? tuning = null)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(logger);
        this.config = config;
        this.logger = logger;
        this.tuning = tuning ?? MqttTuning.Default;
        prefix = PrefixOf(config);
        ClientId = ClientIdOf(config);
        StatusTopic = MqttTopic.Join(prefix, config.StatusTopic);
    }

    /// <inheritdoc/>
    public event Action<MqttSession>? Connected;

    /// <summary>The client id sent to the broker (suffix included).</summary>
    public string ClientId { get; private set; }

    /// <summary>The full availability topic (prefix included).</summary>
    public string StatusTopic { get; private set; }

    /// <summary>The broker as <c>host:port</c>.</summary>
    public string Broker => $"{config.Host}:{config.EffectivePort}";

    /// <inheritdoc/>
    public bool IsConnected => Volatile.Read(ref online);

    /// <summary>When the connection last came up, or went down (null before the first attempt ended).</summary>
    public DateTimeOffset? StateSince
    {
        get
        {
            lock (gate)
            {
                return stateSince;
            }
        }
    }

    /// <summary>Why the last attempt failed or the last connection was lost (null while connected).</summary>
    public string? LastError
    {
        get
        {
            lock (gate)
            {
                return lastError;
            }
        }
    }

    /// <summary>Messages received from the broker (oversize ones included).</summary>
    public long MessagesReceived => Interlocked.Read(ref messagesReceived);

    /// <summary>Messages handed to the broker (availability messages included).</summary>
    public long MessagesPublished => Interlocked.Read(ref messagesPublished);

    /// <summary>Successful connections so far.</summary>
    public int ConnectionCount => Volatile.Read(ref connectionCount);

    /// <summary>Starts connecting in the background and returns at once; connection failures are retried forever.</summary>
    public Task StartAsync(CancellationToken cancellationToken = default)
    {
        lock (gate)
        {
            ObjectDisposedException.ThrowIf(stopped, this);
            if (started)
            {
                return Task.CompletedTask;
            }

            started = true;
        }

        loop = Task.Run(() => RunAsync(stopping.Token), CancellationToken.None);
        return Task.CompletedTask;
    }

    /// <summary>Completes when <see cref="IsConnected"/> becomes true.</summary>
    public Task WaitUntilConnectedAsync(CancellationToken cancellationToken = default)
    {
        lock (gate)
        {
            return connectedSignal.Task.WaitAsync(cancellationToken);
        }
    }

    /// <summary>
    /// Clean stop: publishes <c>offline</c> (retained) when connected, disconnects (no last will) and stops reconnecting.
    /// <paramref name="cancellationToken"/> cuts the goodbye short.
    /// </summary>
    public async Task StopAsync(CancellationToken cancellationToken = default)
    {
        IMqttClient? current;
        lock (gate)
        {
            if (stopped)
            {
                return;
            }

            stopped = true;
            online = false;
            current = clientAtStop = client;
        }

        // Disconnect first, then stop the loop: the loop leaves this client alone (see ServeOneConnectionAsync).
        if (current is { IsConnected: true })
        {
            await DisconnectCleanlyAsync(current, StatusTopic, cancellationToken).ConfigureAwait(false);
        }

        await stopping.CancelAsync().ConfigureAwait(false);
        await loop.ConfigureAwait(false);
        current?.Dispose();
        LogStopped(ClientId);
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync().ConfigureAwait(false);
        stopping.Dispose();
    }

    private async Task DisconnectCleanlyAsync(IMqttClient current, string statusTopic, CancellationToken cancellationToken)
    {
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(tuning.OperationTimeout);
            if (Volatile.Read(ref announcing))
            {
                await SendAsync(current, statusTopic, "offline"u8.ToArray(), 1, true, timeout.Token).ConfigureAwait(false);
            }

            await current.DisconnectAsync(new MqttClientDisconnectOptions(), timeout.Token).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            LogCleanStopFailed(ex.Message);
        }
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>
    /// A handler and its filter (full topic, prefix included; and as given, relative to the prefix or absolute); one
    /// that <paramref name="FollowsStatus"/> is the availability topic's and moves with it.
    /// </summary>
    private sealed record Route(string Filter, string Relative, IInboundHandler Handler, bool Absolute, bool FollowsStatus);
}
