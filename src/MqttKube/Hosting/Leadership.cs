using Microsoft.Extensions.Logging;
using MqttKube.Bindings.Leadership;
using MqttKube.Bindings.Ports;
using MqttKube.Configuration;
using MqttKube.Http;
using MqttKube.Kubernetes;
using MqttKube.Mqtt;

namespace MqttKube.Hosting;

/// <summary>
/// Leader election for the running service (SPEC 15): the elector on the Lease opens and closes the one
/// <see cref="LeaderGate"/> the bindings' ports pass through, and this replica speaks on the availability topic only
/// while it leads (<c>online</c> on taking over, <c>offline</c> on losing or stopping). Wiring: <see cref="Gated(IMqttPort)"/>
/// and <see cref="Gated(IKubePort)"/> around the ports, <see cref="Start"/> before MQTT starts, <see cref="StopAsync"/>
/// after the bindings drained and before MQTT stops.
/// </summary>
internal sealed partial class Leadership : IAsyncDisposable
{
    private readonly MqttConnection mqtt;
    private readonly LeaseElector elector;
    private readonly ILogger logger;
    private readonly Lock gate = new();
    private Task announcing = Task.CompletedTask;
    private IDisposable? statusWatch;

    public Leadership(LeaderElectionConfig config, KubeApi api, string? defaultNamespace, MqttConnection mqtt, ILoggerFactory logs, TimeProvider time)
    {
        this.mqtt = mqtt;
        logger = logs.CreateLogger("leader");
        var timing = new LeaseTiming(TimeSpan.FromSeconds(config.LeaseDuration), TimeSpan.FromSeconds(config.RenewDeadline), TimeSpan.FromSeconds(config.RetryPeriod));
        var store = new LeaseStore(api, config.Namespace ?? defaultNamespace ?? "default", config.Lease);
        elector = new LeaseElector(store, timing, LeaseElector.NewIdentity(), time, logger);
        elector.LeadershipChanged += OnLeadershipChanged;
    }

    /// <summary>Open while this replica leads.</summary>
    public LeaderGate Gate { get; } = new(open: false);

    public LeaderStatus Status => new(Gate.IsOpen, elector.Identity, elector.Holder, elector.LeaseName);

    /// <summary>The MQTT port the bindings get: commands, publishes and republishing pass only while leading.</summary>
    public IMqttPort Gated(IMqttPort port) => new GatedMqttPort(port, Gate);

    /// <summary>The Kubernetes port the bindings get: writes pass only while leading.</summary>
    public IKubePort Gated(IKubePort port) => new GatedKubePort(port, Gate);

    /// <summary>Before MQTT starts: this replica does not speak for the service until it leads; then the election starts.</summary>
    public void Start()
    {
        _ = mqtt.AnnounceAsync(false); // not connected yet: only sets the flag
        statusWatch = mqtt.SubscribeStatus(new StatusWatch(this)); // follows a reload that moves the topic
        LogStarting(logger, elector.LeaseName, elector.Identity);
        elector.Start();
    }

    /// <summary>A clean stop: stop acting, say <c>offline</c>, then release the lease so a follower takes over at once.</summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (Gate.Set(false))
        {
            await mqtt.AnnounceAsync(false, cancellationToken).ConfigureAwait(false);
        }

        await elector.StopAsync(cancellationToken).ConfigureAwait(false);
        statusWatch?.Dispose();
        Task pending;
        lock (gate)
        {
            pending = announcing;
        }

        await pending.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        statusWatch?.Dispose();
        await elector.DisposeAsync().ConfigureAwait(false);
    }

    private void OnLeadershipChanged(bool leading)
    {
        if (Gate.Set(leading))
        {
            Announce(leading);
        }
    }

    /// <summary>Publishes <c>online</c>/<c>offline</c> in order (one after the other), without blocking the caller.</summary>
    private void Announce(bool available)
    {
        lock (gate)
        {
            announcing = announcing.ContinueWith(_ => mqtt.AnnounceAsync(available), CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default).Unwrap();
        }
    }

    /// <summary>
    /// The availability topic as the broker has it (the one the connection uses now: a reload may move it): a
    /// follower's last will (<c>offline</c>) fires when it dies while the leader lives; the leader says <c>online</c>
    /// again at once.
    /// </summary>
    private sealed class StatusWatch(Leadership owner) : IInboundHandler
    {
        public void Post(InboundMessage message)
        {
            if (owner.Gate.IsOpen && !message.Payload.Span.SequenceEqual("online"u8))
            {
                LogRestoringOnline(owner.logger, owner.mqtt.StatusTopic);
                owner.Announce(true);
            }
        }
    }

    [LoggerMessage(EventId = 7310, Level = LogLevel.Information, Message = "leader election on the lease {Lease} as {Identity}")]
    private static partial void LogStarting(ILogger logger, string lease, string identity);

    [LoggerMessage(EventId = 7311, Level = LogLevel.Information, Message = "{Topic} says another replica went away: saying 'online' again")]
    private static partial void LogRestoringOnline(ILogger logger, string topic);
}
