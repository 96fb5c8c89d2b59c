using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using MqttKube.Bindings;
using MqttKube.Bindings.Plan;
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
    /// The parts and, in this order, the hosted services: start runs them first to last (MQTT connects after all of
    /// them started, in its <c>StartedAsync</c>), stop last to first: the bindings drain, MQTT leaves, the informers
    /// end, the web server closes. A new part goes in as one line, <c>services.AddPart(sp =&gt; new Part(...), (p, ct) =&gt;
    /// p.StartAsync(ct), (p, ct) =&gt; p.StopAsync(ct))</c> (or <c>AddHostedService</c> for a part that is a hosted service),
    /// after <see cref="BindingsService"/> when it should stop before the bindings drain, before <see cref="MqttService"/>
    /// when it needs MQTT until the end.
    /// </summary>
    public static IServiceCollection AddServiceParts(this IServiceCollection services, BindingPlan plan, KubeConnection kube)
    {
        services.AddSingleton(plan);
        services.AddSingleton(_ => kube);
        services.AddSingleton(sp => new KubeApi(sp.GetRequiredService<KubeConnection>()));
        services.AddSingleton(sp => new SharedInformers(sp.GetRequiredService<KubeApi>(), null, sp.GetRequiredService<ILoggerFactory>()));
        services.AddSingleton(sp => new MqttConnection(plan.Config.Mqtt, sp.GetRequiredService<ILogger<MqttConnection>>()));
        services.AddSingleton(_ => new Metrics());
        services.AddSingleton(sp =>
        {
            var api = sp.GetRequiredService<KubeApi>();
            var port = new KubePort(new ApiDiscovery(api), sp.GetRequiredService<SharedInformers>(), new ObjectClient(api));
            var defaultNamespace = sp.GetRequiredService<KubeConnection>().DefaultNamespace ?? "default";
            return new BindingRuntime(new BindingServices(sp.GetRequiredService<MqttConnection>(), port, sp.GetRequiredService<ILoggerFactory>(), sp.GetRequiredService<Metrics>(), defaultNamespace, TimeProvider.System));
        });
        services.AddSingleton(sp => new ServiceStatus(plan, sp.GetRequiredService<MqttConnection>(), sp.GetRequiredService<BindingRuntime>(), sp.GetRequiredService<SharedInformers>()));
        services.AddSingleton(sp =>
        {
            var metrics = sp.GetRequiredService<Metrics>();
            metrics.BeforeScrape = new CounterSync(metrics, sp.GetRequiredService<MqttConnection>(), sp.GetRequiredService<SharedInformers>()).Sync;
            var web = plan.Config.Http;
            return new HttpServer(web.Bind, web.Port, web.MaxConnections, sp.GetRequiredService<ServiceStatus>(), metrics, sp.GetRequiredService<ILoggerFactory>().CreateLogger("http"));
        });

        services.AddHostedService(sp => new LifecycleLog(plan, sp.GetRequiredService<MqttConnection>(), kube, sp.GetRequiredService<ILoggerFactory>()));
        services.AddHostedService(sp => new HttpService(sp.GetRequiredService<HttpServer>()));
        services.AddHostedService(sp => new InformersService(sp.GetRequiredService<SharedInformers>()));
        services.AddHostedService(sp => new MqttService(sp.GetRequiredService<MqttConnection>(), sp.GetRequiredService<ServiceStatus>(), sp.GetRequiredService<ILoggerFactory>()));
        services.AddHostedService(sp => new BindingsService(sp.GetRequiredService<BindingRuntime>(), plan));
        return services;
    }

    /// <summary>See <see cref="HostedPart.AddPart"/>.</summary>
    public static IServiceCollection AddPart<T>(this IServiceCollection services, Func<IServiceProvider, T> create, Func<T, CancellationToken, Task> start, Func<T, CancellationToken, Task> stop)
        where T : class
    {
        HostedPart.AddPart(services, create, start, stop);
        return services;
    }
}
