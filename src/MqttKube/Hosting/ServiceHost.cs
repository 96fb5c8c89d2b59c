using Microsoft.Extensions.Logging;
using MqttKube.Bindings;
using MqttKube.Bindings.Plan;
using MqttKube.Bindings.Reload;
using MqttKube.Http;
using MqttKube.Kubernetes;
using MqttKube.Mqtt;

namespace MqttKube.Hosting;

/// <summary>
/// Wires the service: MQTT connection, Kubernetes connection (discovery, shared informers, object writes), the
/// bindings and the web server; runs until <c>stop</c> fires (SIGTERM/SIGINT), then stops cleanly within 5 s:
/// queued writes finish, <c>offline</c> is published, the broker is left.
/// </summary>
internal sealed partial class ServiceHost : IAsyncDisposable
{
    /// <summary>Of the 5 s a stop may take: this much for queued patches and actions.</summary>
    public static readonly TimeSpan DrainTimeout = TimeSpan.FromSeconds(3);

    private readonly BindingPlan plan;
    private readonly ILogger logger;
    private readonly KubeConnection kube;
    private readonly SharedInformers informers;
    private readonly ApiDiscovery discovery;
    private readonly MqttConnection mqtt;
    private readonly BindingRuntime runtime;
    private readonly ServiceStatus status;
    private readonly HttpEndpoint http;
    private readonly Leadership? leadership;
    private readonly ConfigReloader? reloader;

    /// <param name="configPath">The config file, watched for hot reload (none: no reload).</param>
    public ServiceHost(BindingPlan plan, ILoggerFactory logs, KubeConnection kube, string? configPath = null)
    {
        this.plan = plan;
        this.kube = kube;
        logger = logs.CreateLogger("service");
        var api = new KubeApi(kube);
        informers = new SharedInformers(api, null, logs);
        mqtt = new MqttConnection(plan.Config.Mqtt, logs.CreateLogger<MqttConnection>());
        Metrics = new Metrics();
        discovery = new ApiDiscovery(api, logs.CreateLogger("kubernetes"));
        var port = new KubePort(discovery, informers, new ObjectClient(api));
        leadership = plan.Config.LeaderElection is { } election
            ? new Leadership(election, api, kube.DefaultNamespace, mqtt, plan.Config.Mqtt.StatusTopic, logs, TimeProvider.System)
            : null;
        runtime = new BindingRuntime(new BindingServices(leadership?.Gated(mqtt) ?? mqtt, leadership?.Gated(port) ?? port, logs, Metrics, kube.DefaultNamespace ?? "default", TimeProvider.System));
        status = new ServiceStatus(plan, mqtt, runtime, informers, new ApiServer(api, kube.Source)) { Leadership = leadership };
        var counters = new CounterSync(Metrics, mqtt, informers);
        Metrics.BeforeScrape = counters.Sync;
        http = new HttpEndpoint(status, Metrics, logs.CreateLogger("http"));
        if (configPath is not null)
        {
            reloader = new ConfigReloader(configPath, plan, runtime, Metrics, logs)
            {
                MqttChanged = (changed, _) => Task.Run(() => mqtt.Reconfigure(changed)),
                HttpChanged = http.RebindAsync,
            };
            status.Reloader = reloader;
        }
    }

    public Metrics Metrics { get; }

    public ServiceStatus Status => status;

    public MqttConnection Mqtt => mqtt;

    public BindingRuntime Runtime => runtime;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (plan.Bindings.Any(b => ApiDiscovery.NeedsDiscovery(b.Config.Resource, b.Config.ApiVersion)))
        {
            discovery.Prefetch(); // the API server's TLS handshake and discovery while the HTTP server and MQTT start
        }
        LogStarting(logger, CommandLineVersion(), plan.Bindings.Count, mqtt.Broker, kube.Source);
        try
        {
            await http.StartAsync(plan.Config.Http, cancellationToken).ConfigureAwait(false);
        }
        catch (HttpServerException ex)
        {
            throw new ServiceStartException(ex.Message, ex);
        }

        runtime.Start(plan);
        leadership?.Start();
        await mqtt.StartAsync(cancellationToken).ConfigureAwait(false);
        reloader?.Start();
        status.Started();
    }

    /// <summary>The clean stop of SPEC 10.</summary>
    public async Task StopAsync()
    {
        LogStopping(logger);
        if (reloader is not null)
        {
            await reloader.DisposeAsync().ConfigureAwait(false);
        }

        using var drain = new CancellationTokenSource(DrainTimeout);
        await runtime.StopAsync(drain.Token).ConfigureAwait(false);
        if (leadership is not null)
        {
            using var release = new CancellationTokenSource(TimeSpan.FromSeconds(1));
            await leadership.StopAsync(release.Token).ConfigureAwait(false);
        }

        using var leave = new CancellationTokenSource(TimeSpan.FromSeconds(1.5));
        try
        {
            await mqtt.StopAsync(leave.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            LogLeaveTimedOut(logger);
        }

        await informers.DisposeAsync().ConfigureAwait(false);
        await http.StopAsync().ConfigureAwait(false);
        LogStopped(logger);
    }

    public async ValueTask DisposeAsync()
    {
        if (reloader is not null)
        {
            await reloader.DisposeAsync().ConfigureAwait(false);
        }

        await runtime.DisposeAsync().ConfigureAwait(false);
        if (leadership is not null)
        {
            await leadership.DisposeAsync().ConfigureAwait(false);
        }

        await mqtt.DisposeAsync().ConfigureAwait(false);
        await informers.DisposeAsync().ConfigureAwait(false);
        await http.DisposeAsync().ConfigureAwait(false);
        kube.Dispose();
    }

    private static string CommandLineVersion() => Cli.CommandLine.Version;

    [LoggerMessage(EventId = 1001, Level = LogLevel.Information, Message = "mqtt-kube {Version}: {Count} binding(s), broker {Broker}, Kubernetes via {Source}")]
    private static partial void LogStarting(ILogger logger, string version, int count, string broker, string source);

    [LoggerMessage(EventId = 1002, Level = LogLevel.Information, Message = "stopping")]
    private static partial void LogStopping(ILogger logger);

    [LoggerMessage(EventId = 1003, Level = LogLevel.Information, Message = "stopped")]
    private static partial void LogStopped(ILogger logger);

    [LoggerMessage(EventId = 1004, Level = LogLevel.Warning, Message = "the broker did not acknowledge the disconnect in time")]
    private static partial void LogLeaveTimedOut(ILogger logger);
}
