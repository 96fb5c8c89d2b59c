using MqttKube.HomeAssistant;
using Microsoft.Extensions.Logging;
using MqttKube.Bindings;
using MqttKube.Bindings.Plan;
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
    private readonly MqttConnection mqtt;
    private readonly BindingRuntime runtime;
    private readonly ServiceStatus status;
    private readonly HttpServer http;

    public ServiceHost(BindingPlan plan, ILoggerFactory logs, KubeConnection kube)
    {
        this.plan = plan;
        this.kube = kube;
        logger = logs.CreateLogger("service");
        var api = new KubeApi(kube);
        informers = new SharedInformers(api, null, logs);
        mqtt = new MqttConnection(plan.Config.Mqtt, logs.CreateLogger<MqttConnection>());
        Metrics = new Metrics();
        var port = new KubePort(new ApiDiscovery(api), informers, new ObjectClient(api));
        runtime = new BindingRuntime(new BindingServices(mqtt, port, logs, Metrics, kube.DefaultNamespace ?? "default", TimeProvider.System)
        {
            HomeAssistant = plan.Config.Homeassistant is { } ha ? new DiscoverySettings(ha, plan.Config.Mqtt, kube.BaseUri.Authority, CommandLineVersion()) : null,
        });
        status = new ServiceStatus(plan, mqtt, runtime, informers);
        var counters = new CounterSync(Metrics, mqtt, informers);
        Metrics.BeforeScrape = counters.Sync;
        var web = plan.Config.Http;
        http = new HttpServer(web.Bind, web.Port, web.MaxConnections, status, Metrics, logs.CreateLogger("http"));
    }

    public Metrics Metrics { get; }

    public ServiceStatus Status => status;

    public MqttConnection Mqtt => mqtt;

    public BindingRuntime Runtime => runtime;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        LogStarting(logger, CommandLineVersion(), plan.Bindings.Count, mqtt.Broker, kube.Source);
        try
        {
            await http.StartAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (HttpServerException ex)
        {
            throw new ServiceStartException(ex.Message, ex);
        }

        runtime.Start(plan);
        await mqtt.StartAsync(cancellationToken).ConfigureAwait(false);
        status.Started();
    }

    /// <summary>The clean stop of SPEC 10.</summary>
    public async Task StopAsync()
    {
        LogStopping(logger);
        using var drain = new CancellationTokenSource(DrainTimeout);
        await runtime.StopAsync(drain.Token).ConfigureAwait(false);
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
        await runtime.DisposeAsync().ConfigureAwait(false);
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
