using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;
using MqttKube.Bindings.Plan;
using MqttKube.FakeKube;
using MqttKube.Hosting;
using MqttKube.Kubernetes;
using MqttKube.Tests.Support;
using MqttKube.Tests.Support.Mosquitto;

namespace MqttKube.Tests.Hosting;

public sealed class ServiceHostTests : IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("mqtt-kube-host-").FullName;

    [Fact]
    public async Task A_part_that_cannot_start_fails_the_start_with_its_own_message_and_the_host_still_ends_cleanly()
    {
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var port = ((IPEndPoint)taken.LocalEndpoint).Port;
        var log = new StringWriter();
        var host = ServiceHost.Create(Plan(port), Kube(), logs => logs.WriteTo(TextWriter.Synchronized(log)));
        try
        {
            var error = await Assert.ThrowsAsync<ServiceStartException>(() => host.StartAsync(CancellationToken.None));

            Assert.Equal($"cannot listen on 127.0.0.1:{port}: the port is already in use (set http.port to a free port)", error.Message);
            Assert.Contains(" INFO [service] mqtt-kube ", log.ToString(), StringComparison.Ordinal);
            Assert.False(host.Mqtt.IsConnected);
        }
        finally
        {
            await host.DisposeAsync();
        }
    }

    [Fact]
    public async Task A_binding_of_a_built_in_kind_starts_with_its_list_and_its_watch_and_no_other_API_request()
    {
        await using var kube = await FakeKubeServer.StartAsync();
        kube.Upsert("""{"apiVersion": "apps/v1", "kind": "Deployment", "metadata": {"name": "jellyfin", "namespace": "media"}, "spec": {"replicas": 1}}""");
        var host = ServiceHost.Create(Plan(Http.RunningServer.FreePort()), Kube(kube.BaseAddress.AbsoluteUri), logs => logs.ClearProviders());
        try
        {
            await host.StartAsync(CancellationToken.None);
            await Eventually.WaitAsync(() => kube.Requests.Any(r => r.IsWatch), "the binding's watch");

            Assert.Equal(
                ["GET /apis/apps/v1/namespaces/media/deployments?limit=500&resourceVersion=0", "GET /apis/apps/v1/namespaces/media/deployments?watch=true"],
                kube.Requests.Select(r => r.IsWatch ? $"{r.Method} {r.Path}?watch=true" : r.ToString()));
        }
        finally
        {
            await host.DisposeAsync();
        }
    }

    public void Dispose() => Directory.Delete(directory, recursive: true);

    private BindingPlan Plan(int httpPort)
    {
        var path = Path.Combine(directory, "config.yaml");
        File.WriteAllText(path, $$"""
            mqtt: {port: 1}
            http: {bind: 127.0.0.1, port: {{httpPort}}}
            bindings:
              - namespace: media
                resource: Deployment
                name: jellyfin
                watch: {locus: spec.replicas, topic: replicas}
            """);
        var loaded = BindingPlanner.Load(path);
        Assert.True(loaded.Success, string.Join("\n", loaded.Load.Diagnostics));
        return loaded.Plan!;
    }

    private KubeConnection Kube(string server = "http://127.0.0.1:1")
    {
        var kubeconfig = Path.Combine(directory, "kubeconfig");
        File.WriteAllText(kubeconfig, FakeKubeServer.Kubeconfig(server));
        return KubeConnectionFactory.Create(new KubeEnvironment(v => v == "KUBECONFIG" ? kubeconfig : null, directory, Path.Combine(directory, "no-sa")));
    }
}
