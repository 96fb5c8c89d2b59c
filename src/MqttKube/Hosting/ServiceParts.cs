using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using MqttKube.Bindings;
using MqttKube.Bindings.Plan;
using MqttKube.Bindings.Reload;
using MqttKube.Configuration;
using MqttKube.HomeAssistant;
using MqttKube.Http;
using MqttKube.Kubernetes;
using MqttKube.Mqtt;

namespace MqttKube.Hosting;

/// <summary>
/// The service's parts, registered with explicit factories (no constructor discovery, nothing for the trimmer to
/// guess), and its hosted services. The container owns every part and disposes it with the host.
/// </summary>
internal static class ServiceParts
{
    /// <summary>
    /// The parts and, in this order, the hosted services: start runs them first to last (MQTT starts connecting before
    /// all of them, in its <c>StartingAsync</c>), stop last to first: the bindings drain, MQTT leaves, the informers
    /// end, the web server closes. A new part goes in as one line, <c>services.AddPart(sp =&gt; new Part(...), (p, ct) =&gt;
    /// p.StartAsync(ct), (p, ct) =&gt; p.StopAsync(ct))</c> (or <c>AddHostedService</c> for a part that is a hosted service),
    /// after <see cref="BindingsService"/> when it should stop before the bindings drain, before <see cref="MqttService"/>
    /// when it needs MQTT until the end.
    /// </summary>
    public static IServiceCollection AddServiceParts(this IServiceCollection services, BindingPlan plan, KubeConnection kube, string? configPath = null)
    {
        services.AddSingleton(plan);
        services.AddSingleton(_ => kube);
        var api = new KubeApi(kube);
        var apiServer = new ApiServer(api, kube.Source);
        if (kube.BaseUri.Scheme == Uri.UriSchemeHttps)
        {
            // The first request opens the connection: asked now, its TLS handshake (about 10 ms with a client
            // certificate) overlaps the host's start instead of delaying the bindings' first lists.
            apiServer.AskVersion();
        }

        services.AddSingleton(api);
        services.AddSingleton(sp => new SharedInformers(sp.GetRequiredService<KubeApi>(), null, sp.GetRequiredService<ILoggerFactory>()));
        services.AddSingleton(sp => new MqttConnection(plan.Config.Mqtt, sp.GetRequiredService<ILogger<MqttConnection>>()));
        services.AddSingleton(_ => new Metrics());
        services.AddSingleton(sp =>
        {
            var api = sp.GetRequiredService<KubeApi>();
            var port = new KubePort(sp.GetRequiredService<ApiDiscovery>(), sp.GetRequiredService<SharedInformers>(), new ObjectClient(api));
            var mqtt = sp.GetRequiredService<MqttConnection>();
            var leadership = sp.GetService<Leadership>(); // the one gate: a follower's ports neither publish nor write
            var defaultNamespace = sp.GetRequiredService<KubeConnection>().DefaultNamespace ?? "default";
            return new BindingRuntime(new BindingServices(leadership?.Gated(mqtt) ?? mqtt, leadership?.Gated(port) ?? port, sp.GetRequiredService<ILoggerFactory>(), sp.GetRequiredService<Metrics>(), defaultNamespace, TimeProvider.System)
            {
                HomeAssistant = Discovery(plan.Config),
            });
        });
        services.AddSingleton(sp => new ServiceStatus(plan, sp.GetRequiredService<MqttConnection>(), sp.GetRequiredService<BindingRuntime>(), sp.GetRequiredService<SharedInformers>(), sp.GetRequiredService<ApiServer>())
        {
            Leadership = sp.GetService<Leadership>(),
        });
        services.AddSingleton(sp =>
        {
            var metrics = sp.GetRequiredService<Metrics>();
            metrics.BeforeScrape = new CounterSync(metrics, sp.GetRequiredService<MqttConnection>(), sp.GetRequiredService<SharedInformers>()).Sync;
            return new HttpEndpoint(sp.GetRequiredService<ServiceStatus>(), metrics, sp.GetRequiredService<ILoggerFactory>().CreateLogger("http"));
        });

        services.AddHostedService(sp => new LifecycleLog(plan, sp.GetRequiredService<MqttConnection>(), kube, sp.GetRequiredService<ILoggerFactory>()));
        // Discovery, when a kind needs it, runs (with the API server's TLS handshake) while the web server and MQTT
        // start. Built-in kinds need none (BuiltinKinds): then the bindings' first list, a few ms later, opens the
        // connection, and the API server's version is asked only when the status page wants it.
        var discover = plan.Bindings.Any(b => ApiDiscovery.NeedsDiscovery(b.Config.Resource, b.Config.ApiVersion));
        services.AddPart(sp => new ApiDiscovery(sp.GetRequiredService<KubeApi>(), sp.GetRequiredService<ILoggerFactory>().CreateLogger("kubernetes")), (d, _) => Start(() => { if (discover) { d.Prefetch(); } }), (_, _) => Task.CompletedTask);
        services.AddSingleton(apiServer);
        services.AddHostedService(sp => new HttpService(sp.GetRequiredService<HttpEndpoint>(), plan.Config.Http));
        services.AddHostedService(sp => new InformersService(sp.GetRequiredService<SharedInformers>()));
        services.AddHostedService(sp => new MqttService(sp.GetRequiredService<MqttConnection>(), sp.GetRequiredService<ServiceStatus>(), sp.GetRequiredService<ILoggerFactory>()));
        if (plan.Config.LeaderElection is { } election)
        {
            // Stops after the bindings drained and before MQTT leaves: the leader says offline, then releases the lease.
            services.AddPart(sp => new Leadership(election, sp.GetRequiredService<KubeApi>(), kube.DefaultNamespace, sp.GetRequiredService<MqttConnection>(), sp.GetRequiredService<ILoggerFactory>(), TimeProvider.System), (l, _) => Start(l.Start), (l, ct) => StopWithin(l.StopAsync, TimeSpan.FromSeconds(1), ct));
        }

        services.AddHostedService(sp => new BindingsService(sp.GetRequiredService<BindingRuntime>(), plan));
        if (configPath is not null)
        {
            // Starts once the bindings run; stops first, so no reload races the drain.
            services.AddPart(
                sp =>
                {
                    var mqtt = sp.GetRequiredService<MqttConnection>();
                    var http = sp.GetRequiredService<HttpEndpoint>();
                    var reloader = new ConfigReloader(configPath, plan, sp.GetRequiredService<BindingRuntime>(), sp.GetRequiredService<Metrics>(), sp.GetRequiredService<ILoggerFactory>())
                    {
                        MqttChanged = (changed, _) => Task.Run(() => mqtt.Reconfigure(changed)),
                        Discovery = Discovery,
                        HttpChanged = http.RebindAsync,
                    };
                    sp.GetRequiredService<ServiceStatus>().Reloader = reloader;
                    return reloader;
                },
                (r, _) => Start(r.Start),
                (r, _) => r.DisposeAsync().AsTask());
        }

        return services;

        DiscoverySettings? Discovery(MqttKubeConfig config) =>
            config.Homeassistant is { } ha ? new DiscoverySettings(ha, config.Mqtt, kube.BaseUri.Authority, Cli.CommandLine.Version) : null;
    }

    private static Task Start(Action start)
    {
        start();
        return Task.CompletedTask;
    }

    private static async Task StopWithin(Func<CancellationToken, Task> stop, TimeSpan limit, CancellationToken cancellationToken)
    {
        using var within = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        within.CancelAfter(limit);
        await stop(within.Token).ConfigureAwait(false);
    }

    /// <summary>See <see cref="HostedPart.AddPart"/>.</summary>
    public static IServiceCollection AddPart<T>(this IServiceCollection services, Func<IServiceProvider, T> create, Func<T, CancellationToken, Task> start, Func<T, CancellationToken, Task> stop)
        where T : class
    {
        HostedPart.AddPart(services, create, start, stop);
        return services;
    }
}
