using System.Text.Json.Nodes;
using MQTTnet;

namespace MqttKube.Demo;

/// <summary>The Home Assistant part of the tour: the discovery payloads, then the entities driven as Home Assistant does.</summary>
internal sealed partial class Tour
{
    private async Task HomeAssistantAsync(DemoCluster cluster)
    {
        Step("Home Assistant discovery: one retained device payload per bound object (homeassistant/device/<id>/config).");
        await UntilAsync(() => Discovered("Deployment") is not null && Discovered("CronJob") is not null, "the sonarr Deployment and the backup CronJob are announced");
        var sonarr = Discovered("Deployment")!;
        var backup = Discovered("CronJob")!;
        Console.WriteLine(sonarr.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true }).Replace("\n", "\n      ", StringComparison.Ordinal));

        Step("The power switch, as Home Assistant sends it to the entity's command_topic: OFF scales sonarr from 3 to 0.");
        await SendAsync(Entity(sonarr, "power", "command_topic"), "OFF");
        await UntilAsync(() => Replicas(cluster, "sonarr") == 0, "0 replicas; 3 recorded in the annotation mqtt-kube/restore.replicas");
        Step("ON brings back the previous count (restore: true), not 1.");
        await SendAsync(Entity(sonarr, "power", "command_topic"), "ON");
        await UntilAsync(() => Replicas(cluster, "sonarr") == 3, "3 replicas again");

        Step("The replicas number: 2.");
        await SendAsync(Entity(sonarr, "replicas", "command_topic"), "2");
        await UntilAsync(() => Latest(Entity(sonarr, "replicas", "state_topic")) == "2", "the number's state is 2");

        Step("The restart button: PRESS (kubectl rollout restart).");
        await SendAsync(Entity(sonarr, "restart", "command_topic"), "PRESS");
        await UntilAsync(() => cluster.Server.Get("apps/v1", "Deployment", "media", "sonarr")?["spec"]?["template"]?["metadata"]?["annotations"]?["kubectl.kubernetes.io/restartedAt"] is not null, "sonarr restarted");

        Step("The CronJob's run button: a Job now, as kubectl create job --from=cronjob/backup.");
        await SendAsync(Entity(backup, "run", "command_topic"), "PRESS");
        await UntilAsync(() => cluster.Server.Requests.Any(r => r.Method == "POST" && r.Path == "/apis/batch/v1/namespaces/media/jobs"), "a Job backup-manual-… owned by the CronJob");
        var lastResult = Entity(backup, "last_result", "state_topic");
        await UntilAsync(() => Latest(lastResult) == "Running", "last-result: Running (the newest Job the CronJob owns)");
        Step("The Job completes (as the Job controller would record it): last-result follows it.");
        var job = cluster.Server.Requests.Last(r => r.Method == "POST" && r.Path == "/apis/batch/v1/namespaces/media/jobs");
        var name = (string?)JsonNode.Parse(job.Body)?["metadata"]?["name"] ?? throw new InvalidOperationException("the run Job has no name");
        cluster.Server.Modify("batch/v1", "Job", "media", name, j => j["status"] = new JsonObject
        {
            ["succeeded"] = 1,
            ["conditions"] = new JsonArray(new JsonObject { ["type"] = "Complete", ["status"] = "True" }),
        });
        await UntilAsync(() => Latest(lastResult) == "Succeeded", "last-result: Succeeded");
    }

    /// <summary>The newest discovery payload of a device of <paramref name="kind"/>.</summary>
    private JsonObject? Discovered(string kind) =>
        latest.Where(kv => kv.Key.StartsWith("homeassistant/device/", StringComparison.Ordinal) && kv.Value.Length > 0)
            .Select(kv => JsonNode.Parse(kv.Value) as JsonObject)
            .FirstOrDefault(p => (string?)p?["device"]?["model"] == kind);

    private static string Entity(JsonObject discovery, string entity, string key) =>
        (string)discovery["cmps"]!.AsObject().Single(c => c.Key.EndsWith("_" + entity, StringComparison.Ordinal)).Value![key]!;

    private string? Latest(string topic) => latest.TryGetValue(topic, out var value) ? value : null;

    private static int? Replicas(DemoCluster cluster, string name) => (int?)cluster.Server.Get("apps/v1", "Deployment", "media", name)?["spec"]?["replicas"];

    /// <summary>Publishes to a full topic (as Home Assistant does: discovery payloads carry full topics).</summary>
    private async Task SendAsync(string topic, string payload)
    {
        Console.WriteLine($"    → {topic} = {payload}");
        await client.PublishAsync(new MqttApplicationMessageBuilder().WithTopic(topic).WithPayload(payload).Build());
    }
}
