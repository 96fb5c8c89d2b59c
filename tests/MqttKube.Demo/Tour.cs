using System.Collections.Concurrent;
using MQTTnet;

namespace MqttKube.Demo;

/// <summary>The scripted tour: publishes what a user would and shows what the service does, step by step.</summary>
internal sealed partial class Tour : IAsyncDisposable
{
    private static readonly TimeSpan StepTimeout = TimeSpan.FromSeconds(20);
    private readonly IMqttClient client;
    private readonly string prefix;
    private readonly ConcurrentDictionary<string, string> latest = new();

    private Tour(IMqttClient client, string prefix)
    {
        this.client = client;
        this.prefix = prefix;
    }

    public static async Task<Tour> ConnectAsync(int port, string prefix)
    {
        var client = new MqttClientFactory().CreateMqttClient();
        var tour = new Tour(client, prefix);
        client.ApplicationMessageReceivedAsync += e =>
        {
            var topic = e.ApplicationMessage.Topic;
            var payload = e.ApplicationMessage.ConvertPayloadToString() ?? string.Empty;
            tour.latest[topic] = payload;
            Console.WriteLine($"    ← {topic} = {(payload.Length == 0 ? "(empty)" : Discovery.Describe(topic, payload))}");
            return Task.CompletedTask;
        };
        await client.ConnectAsync(new MqttClientOptionsBuilder().WithTcpServer("127.0.0.1", port).WithClientId("demo-tour").Build());
        await client.SubscribeAsync($"{prefix}/#");
        await client.SubscribeAsync("homeassistant/#");
        return tour;
    }

    public async Task<bool> RunAsync(DemoService service, DemoCluster cluster)
    {
        try
        {
            Step("Waiting for the service: connected, every binding running, every watch synced.");
            await UntilAsync(() => service.Host.Status.NotReady().Count == 0, "ready");
            await UntilAsync(() => Is("jellyfin/power/state", "OFF"), "jellyfin is OFF (availableReplicas is absent: ~ maps to OFF)");

            Step("Switch the media server on: ON on jellyfin/power/set patches spec.replicas to 1.");
            await PublishAsync("jellyfin/power/set", " on ");
            await UntilAsync(() => Is("jellyfin/power/state", "ON"), "jellyfin is ON (the fake cluster made the replica available)");

            Step("And off again.");
            await PublishAsync("jellyfin/power/set", "OFF");
            await UntilAsync(() => Is("jellyfin/power/state", "OFF"), "jellyfin is OFF");

            Step("Launch a Job from examples/job-example.yaml: {\"action\": \"RUN\"} on example/cmd.");
            await PublishAsync("example/cmd", "{\"action\": \"RUN\"}");
            await UntilAsync(() => Is("example/succeeded", "yes"), "the job ran and succeeded");

            Step("Delete it: {\"action\": \"STOP\"}.");
            await PublishAsync("example/cmd", "{\"action\": \"STOP\"}");
            await UntilAsync(() => cluster.Server.Get("batch/v1", "Job", "default", "example") is null, "the job is gone");
            await UntilAsync(() => Is("example/succeeded", "no"), "its state is published as 'no'");

            Step("A node joins the cluster: the kube-proxy DaemonSet watch follows.");
            cluster.NodeJoins();
            await UntilAsync(() => Is("kube-proxy/ready", "3 ready"), "3 ready");

            await HomeAssistantAsync(cluster);

            Console.WriteLine("\n✔ The tour is complete.");
            return true;
        }
        catch (TimeoutException ex)
        {
            Console.WriteLine($"\n✘ The tour stopped: {ex.Message}");
            return false;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await client.DisconnectAsync();
        client.Dispose();
    }

    private static void Step(string text) => Console.WriteLine($"\n▶ {text}");

    private bool Is(string topic, string payload) => latest.TryGetValue($"{prefix}/{topic}", out var value) && value == payload;

    private async Task PublishAsync(string topic, string payload)
    {
        Console.WriteLine($"    → {prefix}/{topic} = {payload}");
        await client.PublishAsync(new MqttApplicationMessageBuilder().WithTopic($"{prefix}/{topic}").WithPayload(payload).Build());
    }

    private static async Task UntilAsync(Func<bool> condition, string what)
    {
        var deadline = DateTime.UtcNow + StepTimeout;
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"waited {StepTimeout.TotalSeconds:0} s for: {what}");
            }

            await Task.Delay(50);
        }

        Console.WriteLine($"    ✓ {what}");
    }
}
