using System.Globalization;
using System.Text.Json.Nodes;
using MqttKube.FakeKube;
using MqttKube.Tests.EndToEnd.Clusters;
using MqttKube.Tests.Support;
using MqttKube.Tests.Support.Mosquitto;
using MqttKube.Tests.Support.RealKube;

namespace MqttKube.Tests.EndToEnd;

/// <summary>
/// The published NativeAOT executable (trimming breaks what JIT tests never see), run as its own process against the
/// real broker and the fake API server (itself run as its own process), or a real kube-apiserver (its kubeconfig from
/// up.sh: TLS with a client certificate). <c>make test</c> publishes it first; <c>MQTTKUBE_EXE</c> names another executable.
/// </summary>
[Collection(RealKubeCollection.Name)]
public sealed class AotExecutableTests(MosquittoBroker broker, RealKubeControlPlane realKube) : IClassFixture<MosquittoBroker>
{
    internal static string Executable => Environment.GetEnvironmentVariable("MQTTKUBE_EXE") is { Length: > 0 } exe
        ? Path.GetFullPath(exe)
        : Path.Combine(RepoPaths.Root, "artifacts", "mqtt-kube");

    [SkippableTheory]
    [ClusterData]
    public async Task The_deployment_scenario_runs_through_the_published_executable(string clusterName)
    {
        Assert.True(File.Exists(Executable), $"no executable at {Executable}: run 'make publish' first (make test does)");
        var dir = Directory.CreateTempSubdirectory("mqtt-kube-aot-").FullName;
        try
        {
            await using var cluster = clusterName == ClusterDataAttribute.Real ? await RealCluster.StartAsync(realKube) : null;
            await using var fake = cluster is null ? await StartFakeProcessAsync(dir) : null;
            using var http = new HttpClient();
            string kubeconfig, ns;
            Func<Task<long?>> replicas;
            if (cluster is not null)
            {
                await cluster.CreateAsync(Objects.Deployment("jellyfin", cluster.Namespace));
                (kubeconfig, ns) = (await cluster.WriteKubeconfigAsync(dir), cluster.Namespace);
                replicas = async () => (long?)(await cluster.GetAsync("apps/v1", "Deployment", "jellyfin"))?["spec"]?["replicas"];
            }
            else
            {
                var url = (await fake!.FirstLineAsync()).Trim();
                Assert.StartsWith("http://127.0.0.1:", url);
                kubeconfig = Path.Combine(dir, "kubeconfig");
                await File.WriteAllTextAsync(kubeconfig, FakeKubeServer.Kubeconfig(url));
                ns = "media";
                replicas = async () => (long?)JsonNode.Parse(await http.GetStringAsync($"{url}/apis/apps/v1/namespaces/media/deployments/jellyfin"))?["spec"]?["replicas"];
            }

            await RunScenarioAsync(dir, kubeconfig, ns, replicas);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    private static async Task<ChildProcess> StartFakeProcessAsync(string dir)
    {
        var seed = Path.Combine(dir, "seed.json");
        await File.WriteAllTextAsync(seed, Objects.Deployment("jellyfin"));
        return ChildProcess.Start(Path.Combine(AppContext.BaseDirectory, "MqttKube.FakeKube"), ["--port", "0", "--seed", seed]);
    }

    private async Task RunScenarioAsync(string dir, string kubeconfig, string ns, Func<Task<long?>> replicas)
    {
        var prefix = "aot/" + Guid.NewGuid().ToString("N")[..8];
        await File.WriteAllTextAsync(Path.Combine(dir, "config.yaml"), """
            mqtt: {port: BROKER_PORT, topic-prefix: "PREFIX"}
            http: {bind: 127.0.0.1, port: HTTP_PORT}
            logging: {level: DEBUG, format: json}
            bindings:
              - namespace: NS
                resource: Deployment
                name: jellyfin
                patch: {topic: power/set, locus: spec.replicas, values: {map: {"ON": 1, "OFF": 0}}}
                watch: {locus: status.replicas, topic: power/state, retain: true, values: {1: "ON", ~: "OFF"}}
            """.Replace("BROKER_PORT", broker.AnonymousPort.ToString(CultureInfo.InvariantCulture))
            .Replace("PREFIX", prefix)
            .Replace("NS", ns)
            .Replace("HTTP_PORT", ServiceUnderTest.FreePort().ToString(CultureInfo.InvariantCulture)));

        await using var client = await MqttTestClient.ConnectAsync(broker.AnonymousPort);
        await client.SubscribeAsync(prefix + "/#");
        await using var service = ChildProcess.Start(Executable, ["run", Path.Combine(dir, "config.yaml")], new Dictionary<string, string> { ["KUBECONFIG"] = kubeconfig });

        await client.WaitForAsync(prefix + "/status", "online");
        await client.WaitForAsync(prefix + "/power/state", "OFF");
        await client.PublishAsync(prefix + "/power/set", "ON");
        await Eventually.WaitAsync(async () => await replicas() == 1, () => "spec.replicas = 1\n" + service.Output);

        service.Terminate();
        Assert.True(await service.WaitForExitAsync(TimeSpan.FromSeconds(5)), "stops within 5 s of SIGTERM");
        Assert.Equal(0, service.ExitCode);
        await client.WaitForAsync(prefix + "/status", "offline");
        var lines = service.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonNode.Parse(l)!).ToList();
        Assert.All(lines, l => Assert.NotNull((string?)l["Message"]));
        Assert.Contains(lines, l => (string?)l["LogLevel"] == "Information" && (string?)l["Category"] == "service" && (string?)l["Message"] == "stopped");
        Support.Cli.AssertNoStackTrace(service.Output);
    }
}
