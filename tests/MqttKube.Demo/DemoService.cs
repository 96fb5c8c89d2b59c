using MqttKube.Bindings.Plan;
using MqttKube.Configuration;
using MqttKube.Hosting;
using MqttKube.Kubernetes;

namespace MqttKube.Demo;

/// <summary>The real service (the same host as <c>mqtt-kube run</c>), in process, logging at INFO.</summary>
internal sealed class DemoService : IAsyncDisposable
{
    private DemoService(ServiceHost host) => Host = host;

    public ServiceHost Host { get; }

    public static async Task<DemoService> StartAsync(string configPath, string kubeconfig)
    {
        var loaded = BindingPlanner.Load(configPath, v => v == ConfigLoader.LogLevelVariable ? "INFO" : Environment.GetEnvironmentVariable(v));
        if (!loaded.Success)
        {
            throw new InvalidOperationException("the demo config does not load:\n" + string.Join("\n", loaded.Load.Diagnostics));
        }

        var kube = KubeConnectionFactory.Create(new KubeEnvironment(v => v == "KUBECONFIG" ? kubeconfig : null, Path.GetDirectoryName(kubeconfig), Path.Combine(Path.GetDirectoryName(kubeconfig)!, "no-sa")));
        var host = ServiceHost.Create(loaded.Plan!, kube);
        await host.StartAsync(CancellationToken.None);
        return new DemoService(host);
    }

    public async ValueTask DisposeAsync()
    {
        await Host.StopAsync();
        await Host.DisposeAsync();
    }
}
