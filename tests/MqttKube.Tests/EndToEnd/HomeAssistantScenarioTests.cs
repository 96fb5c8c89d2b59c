using System.Text.Json.Nodes;
using MqttKube.Tests.EndToEnd.Clusters;
using MqttKube.Tests.Support.Mosquitto;
using MqttKube.Tests.Support.RealKube;

namespace MqttKube.Tests.EndToEnd;

/// <summary>
/// Home Assistant (SPEC 13, 14) on the fake and a real kube-apiserver, driven as Home Assistant drives it: the
/// discovery payload's own command topics, its birth message, and the device cleared when its binding goes.
/// Discovery topics are absolute: here under a prefix of their own, outside the service's topic prefix.
/// </summary>
[Collection(RealKubeCollection.Name)]
public sealed class HomeAssistantScenarioTests(MosquittoBroker broker, RealKubeControlPlane realKube) : IClassFixture<MosquittoBroker>
{
    private static string Sections(string ha) => $"homeassistant: {{discovery-prefix: {ha}, status-topic: {ha}/status}}";

    /// <summary>Starts the service with discovery under a fresh prefix the test client listens to.</summary>
    private async Task<(ServiceUnderTest Service, string Ha)> StartAsync(string bindings, TestCluster cluster)
    {
        var ha = "ha-" + Guid.NewGuid().ToString("N")[..8];
        var service = await ServiceUnderTest.StartAsync(broker, bindings, cluster, sections: Sections(ha));
        await service.Client.SubscribeAsync(ha + "/#");
        return (service, ha);
    }

    private static async Task<(string Topic, JsonObject Payload)> DiscoveryAsync(ServiceUnderTest service, string ha, int from = 0)
    {
        var message = await service.Client.WaitForAsync(m => m.Topic.StartsWith(ha + "/device/", StringComparison.Ordinal) && m.Payload.Length > 0, "a discovery payload", from);
        Assert.True(message.Retain || from > 0);
        return (message.Topic, JsonNode.Parse(message.Payload)!.AsObject());
    }

    /// <summary>The entity's topic as the discovery payload gives it (full: the prefix included).</summary>
    private static string TopicOf(JsonObject discovery, string entity, string key) =>
        (string)discovery["cmps"]!.AsObject().Single(c => c.Key.EndsWith("_" + entity, StringComparison.Ordinal)).Value![key]!;

    [SkippableTheory]
    [ClusterData]
    public async Task An_appliance_is_announced_switched_off_and_on_to_its_previous_count_and_cleared_when_removed(string clusterName)
    {
        var cluster = await TestCluster.StartAsync(clusterName, realKube);
        await cluster.CreateAsync(Objects.Deployment("jellyfin", cluster.Namespace, replicas: 3));
        var (service, ha) = await StartAsync($"  - {{namespace: {cluster.Namespace}, resource: Deployment, name: jellyfin, preset: appliance}}", cluster);
        await using var _ = service;

        var (topic, discovery) = await DiscoveryAsync(service, ha);
        Assert.Equal("Deployment", (string?)discovery["device"]!["model"]);
        Assert.Equal(service.Topic("status"), (string?)discovery["availability"]![0]!["topic"]);
        var power = TopicOf(discovery, "power", "command_topic");
        Assert.Equal(service.Topic($"{cluster.Namespace}/jellyfin/power/set"), power);
        await service.Client.WaitForAsync(TopicOf(discovery, "power", "state_topic"), "ON");

        // The switch: OFF scales to 0; ON brings back 3.
        await service.Client.PublishAsync(power, "OFF");
        await cluster.WaitForAsync("apps/v1", "Deployment", "jellyfin", o => Replicas(o) == 0, "scaled to 0");
        await service.Client.WaitForAsync(TopicOf(discovery, "power", "state_topic"), "OFF");
        await service.Client.PublishAsync(power, "ON");
        await cluster.WaitForAsync("apps/v1", "Deployment", "jellyfin", o => Replicas(o) == 3, "3 replicas again");

        // The number and the button.
        await service.Client.PublishAsync(TopicOf(discovery, "replicas", "command_topic"), "2");
        await cluster.WaitForAsync("apps/v1", "Deployment", "jellyfin", o => Replicas(o) == 2, "2 replicas");
        await service.Client.PublishAsync(TopicOf(discovery, "restart", "command_topic"), "PRESS");
        await cluster.WaitForAsync("apps/v1", "Deployment", "jellyfin", o => o?["spec"]?["template"]?["metadata"]?["annotations"]?["kubectl.kubernetes.io/restartedAt"] is not null, "restarted");

        // Home Assistant restarts: its birth message gets the discovery payload again, then the states.
        var from = service.Client.Messages.Count;
        await service.Client.PublishAsync(ha + "/status", "online");
        var again = await DiscoveryAsync(service, ha, from);
        Assert.Equal(topic, again.Topic);
        await service.Client.WaitForAsync(m => m.Topic == TopicOf(discovery, "replicas", "state_topic") && m.Payload == "2", "the states again", from);

        // The binding removed: its device is cleared (empty retained), and its states.
        from = service.Client.Messages.Count;
        await service.Host.Runtime.RemoveAsync(service.Host.Runtime.Bindings[0], release: true, CancellationToken.None);
        await service.Client.WaitForAsync(m => m.Topic == topic && m.Payload.Length == 0, "the discovery payload cleared", from);
    }

    [SkippableTheory]
    [ClusterData]
    public async Task A_cronjob_runs_now_and_suspends(string clusterName)
    {
        var cluster = await TestCluster.StartAsync(clusterName, realKube);
        var cronJob = await cluster.CreateAsync(CronJob("backup"));
        var (service, ha) = await StartAsync($"  - {{namespace: {cluster.Namespace}, resource: CronJob, name: backup, preset: cronjob}}", cluster);
        await using var _ = service;
        var (_, discovery) = await DiscoveryAsync(service, ha);

        await service.Client.PublishAsync(TopicOf(discovery, "run", "command_topic"), "PRESS");
        JsonNode? job = null;
        await Eventually.WaitAsync(
            async () => (job = (await cluster.Http.SendAsync(HttpMethod.Get, $"/apis/batch/v1/namespaces/{cluster.Namespace}/jobs")).Body?["items"]?.AsArray().FirstOrDefault()) is not null,
            () => "the Job run from the CronJob");
        Assert.StartsWith("backup-manual-", (string?)job!["metadata"]!["name"], StringComparison.Ordinal);
        var owner = job["metadata"]!["ownerReferences"]![0]!;
        Assert.Equal("CronJob", (string?)owner["kind"]);
        Assert.Equal((string?)cronJob["metadata"]!["uid"], (string?)owner["uid"]);
        Assert.True((bool?)owner["controller"]);
        Assert.Equal("mqtt-kube", (string?)job["metadata"]!["labels"]!["app.kubernetes.io/managed-by"]);
        Assert.NotNull(job["metadata"]!["labels"]!["mqtt-kube/binding"]);
        Assert.Equal("busybox", (string?)job["spec"]!["template"]!["spec"]!["containers"]![0]!["image"]);

        // last-result is the newest owned Job's outcome: running until its status says it completed.
        var lastResult = TopicOf(discovery, "last_result", "state_topic");
        await service.Client.WaitForAsync(lastResult, "Running");
        var started = DateTimeOffset.UtcNow.ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture);
        await cluster.WriteStatusAsync("batch/v1", "Job", (string)job["metadata"]!["name"]!, new JsonObject
        {
            ["startTime"] = started,
            ["completionTime"] = started,
            ["succeeded"] = 1,
            ["conditions"] = new JsonArray(new JsonObject { ["type"] = "Complete", ["status"] = "True", ["lastTransitionTime"] = started }),
        });
        await service.Client.WaitForAsync(lastResult, "Succeeded");

        await service.Client.PublishAsync(TopicOf(discovery, "suspend", "command_topic"), "ON");
        await cluster.WaitForAsync("batch/v1", "CronJob", "backup", o => (bool?)o?["spec"]?["suspend"] == true, "suspended");
        await service.Client.WaitForAsync(TopicOf(discovery, "suspend", "state_topic"), "ON");
    }

    [SkippableTheory]
    [ClusterData]
    public async Task A_node_is_cordoned_and_uncordoned(string clusterName)
    {
        var cluster = await TestCluster.StartAsync(clusterName, realKube);
        var name = cluster.UniqueName("worker");
        await cluster.CreateAsync(Objects.Node(name));
        var (service, ha) = await StartAsync($"  - {{resource: Node, name: {name}, preset: node}}", cluster);
        await using var _ = service;
        var (_, discovery) = await DiscoveryAsync(service, ha);
        Assert.Equal("Node", (string?)discovery["device"]!["model"]);
        var schedulable = TopicOf(discovery, "schedulable", "command_topic");
        Assert.Equal(service.Topic($"{name}/schedulable/set"), schedulable);

        await service.Client.PublishAsync(schedulable, "OFF");
        await cluster.WaitForAsync("v1", "Node", name, o => (bool?)o?["spec"]?["unschedulable"] == true, "cordoned");
        await service.Client.WaitForAsync(TopicOf(discovery, "schedulable", "state_topic"), "OFF");
        await service.Client.PublishAsync(schedulable, "ON");
        await cluster.WaitForAsync("v1", "Node", name, o => o?["spec"]?["unschedulable"] is null || (bool?)o["spec"]!["unschedulable"] == false, "uncordoned");
        await service.Client.WaitForAsync(m => m.Topic == TopicOf(discovery, "schedulable", "state_topic") && m.Payload == "ON", "schedulable again");
    }

    private static string CronJob(string name) => """
        {"apiVersion":"batch/v1","kind":"CronJob","metadata":{"name":"NAME"},
         "spec":{"schedule":"0 3 * * *","jobTemplate":{"metadata":{"labels":{"app":"NAME"}},"spec":{"template":{"spec":{"restartPolicy":"Never","containers":[{"name":"main","image":"busybox","command":["true"]}]}}}}}}
        """.Replace("NAME", name, StringComparison.Ordinal);

    private static long? Replicas(JsonObject? deployment) =>
        deployment?["spec"]?["replicas"] is { } n ? long.Parse(n.ToJsonString(), System.Globalization.CultureInfo.InvariantCulture) : null;
}
