using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MqttKube.Bindings;
using MqttKube.Bindings.Plan;
using MqttKube.Hosting.Logging;
using MqttKube.Http;
using MqttKube.Kubernetes;
using MqttKube.Mqtt;

namespace MqttKube.Hosting;

/// <summary>
/// The service on the generic host (<see cref="Host.CreateEmptyApplicationBuilder"/>: no configuration sources, no
/// default providers): its parts are hosted services (<see cref="ServiceParts"/>); SIGTERM/SIGINT stop it (the console
/// lifetime, or systemd's under a <c>Type=notify</c> unit, which is also told when the service is ready and stopping),
/// and a stop is clean within 5 s: queued writes finish, <c>offline</c> is published, the broker is left.
/// </summary>
internal sealed class ServiceHost : IAsyncDisposable
{
    /// <summary>The most a stop may take (SPEC 10); each part keeps within its own share.</summary>
    public static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(5);

    private readonly IHost host;
    private readonly Lock gate = new();
    private Task? stopping;

    private ServiceHost(IHost host) => this.host = host;

    public IServiceProvider Services => host.Services;

    public Metrics Metrics => Services.GetRequiredService<Metrics>();

    public ServiceStatus Status => Services.GetRequiredService<ServiceStatus>();

    public MqttConnection Mqtt => Services.GetRequiredService<MqttConnection>();

    public BindingRuntime Runtime => Services.GetRequiredService<BindingRuntime>();

    /// <summary>
    /// The host of <paramref name="plan"/> on <paramref name="kube"/> (which it then owns). Logging is the service's
    /// (<see cref="ServiceLogging.AddServiceLog"/>) unless <paramref name="logging"/> sets it up otherwise; with
    /// <paramref name="configPath"/> the config file is followed (hot reload).
    /// </summary>
    public static ServiceHost Create(BindingPlan plan, KubeConnection kube, Action<ILoggingBuilder>? logging = null, string? configPath = null)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings
        {
            ApplicationName = "mqtt-kube",
            DisableDefaults = true,
            EnvironmentName = Environments.Production,
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.Services.AddSystemd();
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = StopTimeout);
        builder.Services.Configure<ConsoleLifetimeOptions>(o => o.SuppressStatusMessages = true);
        builder.Logging.AddFilter("Microsoft", LogLevel.Warning);
        if (logging is null)
        {
            builder.Logging.AddServiceLog(plan.Config.Logging);
        }
        else
        {
            logging(builder.Logging);
        }

        builder.Services.AddServiceParts(plan, kube, configPath);
        // Nothing here validates options at start or listens to System.Diagnostics.Metrics (the metrics are /metrics'),
        // so the host's start validator, through which AddMetrics starts its listener subscriptions, is not run.
#pragma warning disable SYSLIB0066 // the host still asks for the synchronous one
        builder.Services.RemoveAll<IStartupValidator>().RemoveAll<IAsyncStartupValidator>();
#pragma warning restore SYSLIB0066
        builder.Services.FoldOptions<HostOptions>().FoldOptions<ConsoleLifetimeOptions>().FoldOptions<LoggerFilterOptions>().FoldOptions<LoggerFactoryOptions>();
        return new ServiceHost(builder.Build());
    }

    /// <summary>Starts every part; <see cref="ServiceStartException"/> when one cannot start.</summary>
    public Task StartAsync(CancellationToken cancellationToken) => host.StartAsync(cancellationToken);

    /// <summary>The clean stop of SPEC 10, once however often it is asked for.</summary>
    public Task StopAsync()
    {
        lock (gate)
        {
            return stopping ??= host.StopAsync();
        }
    }

    /// <summary>Waits for SIGTERM/SIGINT (or another stop request), then stops cleanly.</summary>
    public async Task WaitForShutdownAsync()
    {
        var stopRequested = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using (Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping.Register(() => stopRequested.TrySetResult()))
        {
            await stopRequested.Task.ConfigureAwait(false);
        }

        await StopAsync().ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        if (host is IAsyncDisposable async)
        {
            await async.DisposeAsync().ConfigureAwait(false);
        }
        else
        {
            host.Dispose();
        }
    }
}
