using System.Text.RegularExpressions;
using MqttKube.Tests.Support;
using MqttKube.Tests.Support.Mosquitto;

namespace MqttKube.Tests.EndToEnd;

/// <summary>Every example config in the repo runs: each binding starts and each watch publishes.</summary>
public sealed partial class ExampleConfigTests(MosquittoBroker broker) : IClassFixture<MosquittoBroker>
{
    public static TheoryData<string> Configs() =>
        new([.. Directory.GetFiles(Path.Combine(RepoPaths.Root, "examples"), "config-*.yaml").Select(f => Path.Combine("examples", Path.GetFileName(f))), Path.Combine("deploy", "config.yaml")]);

    [Theory]
    [MemberData(nameof(Configs))]
    public async Task The_example_runs(string relative)
    {
        var path = Path.Combine(RepoPaths.Root, relative);
        var prefix = "example/" + Guid.NewGuid().ToString("N")[..8];
        var text = File.ReadAllText(path);
        text = MqttPort().Replace(text, $"${{indent}}port: {broker.AnonymousPort}", 1);
        text = HttpPort().Replace(text, $"${{indent}}port: {ServiceUnderTest.FreePort()}", 1).Replace("topic-prefix:", "topic-prefix: " + prefix + " #", StringComparison.Ordinal);
        text = MqttHost().Replace(text, "${indent}host: 127.0.0.1", 1);
        var files = Directory.GetFiles(Path.GetDirectoryName(path)!, "*.yaml").ToDictionary(f => Path.GetFileName(f), File.ReadAllText);

        await using var service = await ServiceUnderTest.StartConfigAsync(text, prefix, Seed, files);
        var watches = service.Host.Runtime.Bindings.Sum(b => b.Object.Watches.Count);
        await Eventually.WaitAsync(() => service.Client.Messages.Count(m => m.Topic != service.Topic("status")) >= watches, "every watch published");
    }

    /// <summary>The objects the examples bind to, as a cluster would have them.</summary>
    private static void Seed(MqttKube.FakeKube.FakeKubeServer kube)
    {
        kube.Upsert(Objects.Deployment("jellyfin"));
        kube.Upsert(Objects.DaemonSet("kube-proxy", "kube-system", 2));
    }


    [GeneratedRegex(@"(?m)^(?<indent>[ ]+)host: [^\s#]+")]
    private static partial Regex MqttHost();

    [GeneratedRegex(@"(?m)^(?<indent>\s+)port: 1883\b")]
    private static partial Regex MqttPort();

    [GeneratedRegex(@"(?m)^(?<indent>\s+)port: 8080\b")]
    private static partial Regex HttpPort();
}
