using System.Text.Json.Nodes;
using MqttKube.Tests.Support;
using MqttKube.Tests.Support.Mosquitto;

namespace MqttKube.Tests.EndToEnd;

/// <summary>
/// The published NativeAOT executable (trimming breaks what JIT tests never see), run as its own process against the
/// real broker and the fake API server, itself run as its own process. <c>make test</c> publishes it first;
/// <c>MQTTKUBE_EXE</c> names another executable.
/// </summary>
public sealed class AotExecutableTests(MosquittoBroker broker) : IClassFixture<MosquittoBroker>
{
    internal static string Executable => Environment.GetEnvironmentVariable("MQTTKUBE_EXE") is { Length: > 0 } exe
        ? Path.GetFullPath(exe)
        : Path.Combine(RepoPaths.Root, "artifacts", "mqtt-kube");

    [Fact]
    public async Task The_deployment_scenario_runs_through_the_published_executable()
    {
        Assert.True(File.Exists(Executable), $"no executable at {Executable}: run 'make publish' first (make test does)");
        var dir = Directory.CreateTempSubdirectory("mqtt-kube-aot-").FullName;
        try
        {
            var seed = Path.Combine(dir, "seed.json");
            await File.WriteAllTextAsync(seed, Objects.Deployment("jellyfin"));
            await using var kube = ChildProcess.Start(Path.Combine(AppContext.BaseDirectory, "MqttKube.FakeKube"), ["--port", "0", "--seed", seed]);
            var url = (await kube.FirstLineAsync()).Trim();
            Assert.StartsWith("http://127.0.0.1:", url);

            var prefix = "aot/" + Guid.NewGuid().ToString("N")[..8];
            await File.WriteAllTextAsync(Path.Combine(dir, "kubeconfig"), $"apiVersion: v1\nkind: Config\nclusters: [{{name: f, cluster: {{server: \"{url}\"}}}}]\nusers: [{{name: u, user: {{token: t}}}}]\ncontexts: [{{name: f, context: {{cluster: f, user: u}}}}]\ncurrent-context: f\n");
            await File.WriteAllTextAsync(Path.Combine(dir, "config.yaml"), """
                mqtt: {port: BROKER_PORT, topic-prefix: "PREFIX"}
                http: {bind: 127.0.0.1, port: HTTP_PORT}
                logging: {level: DEBUG, format: json}
                bindings:
                  - namespace: media
                    resource: Deployment
                    name: jellyfin
                    patch: {topic: power/set, locus: spec.replicas, values: {map: {"ON": 1, "OFF": 0}}}
                    watch: {locus: status.availableReplicas, topic: power/state, retain: true, values: {1: "ON", ~: "OFF"}}
                """.Replace("BROKER_PORT", broker.AnonymousPort.ToString(System.Globalization.CultureInfo.InvariantCulture))
                .Replace("PREFIX", prefix)
                .Replace("HTTP_PORT", ServiceUnderTest.FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture)));

            await using var client = await MqttTestClient.ConnectAsync(broker.AnonymousPort);
            await client.SubscribeAsync(prefix + "/#");
            await using var service = ChildProcess.Start(Executable, ["run", Path.Combine(dir, "config.yaml")], new Dictionary<string, string> { ["KUBECONFIG"] = Path.Combine(dir, "kubeconfig") });

            await client.WaitForAsync(prefix + "/status", "online");
            await client.WaitForAsync(prefix + "/power/state", "OFF");
            await client.PublishAsync(prefix + "/power/set", "ON");
            using var http = new HttpClient();
            await Eventually.WaitAsync(() => Replicas(http, url) == 1, () => "spec.replicas = 1\n" + service.Output);

            service.Terminate();
            Assert.True(await service.WaitForExitAsync(TimeSpan.FromSeconds(5)), "stops within 5 s of SIGTERM");
            Assert.Equal(0, service.ExitCode);
            await client.WaitForAsync(prefix + "/status", "offline");
            Assert.Contains("\"level\":\"INFO\"", service.Output, StringComparison.Ordinal);
            Support.Cli.AssertNoStackTrace(service.Output);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    private static long? Replicas(HttpClient http, string url)
    {
        var body = http.GetStringAsync($"{url}/apis/apps/v1/namespaces/media/deployments/jellyfin").GetAwaiter().GetResult();
        return (long?)JsonNode.Parse(body)?["spec"]?["replicas"];
    }

}
