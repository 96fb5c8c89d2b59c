using System.Text.Json.Nodes;
using MqttKube.Tests.Support.Mosquitto;

namespace MqttKube.Tests.EndToEnd;

/// <summary>The original README's Job: launched from a template on {"action": "RUN"}, deleted on STOP.</summary>
public sealed class ActionScenarioTests(MosquittoBroker broker) : IClassFixture<MosquittoBroker>
{
    private const string Template = """
        apiVersion: batch/v1
        kind: Job
        metadata:
          name: ${binding.name}
          labels:
            run: "${match.json.get('tag', 'none')}"
        spec:
          parallelism: ${match.json.get('n', 1)}
          template:
            spec:
              restartPolicy: Never
              containers:
                - name: example
                  image: busybox
                  command: ["sh", "-c", "echo ${match.input}"]
        """;

    private static string Bindings(string onExists) => $"""
          - namespace: default
            resource: Job
            name: example
            action:
              topic: example/cmd
              launch: !relpath job.yaml
              on-exists: {onExists}
              values:
                jsonpath: "$.action"
                map:
                  "RUN": "launch"
                  "STOP": "delete"
                  "DANCE": "dance"
        """;

    [Fact]
    public async Task Run_launches_the_rendered_job_and_stop_deletes_it()
    {
        await using var service = await ServiceUnderTest.StartAsync(broker, Bindings("skip"), files: new() { ["job.yaml"] = Template });

        await service.PublishAsync("example/cmd", """{"action": "RUN", "n": 2, "tag": "nightly"}""");
        await Eventually.WaitAsync(() => Job(service) is not null, "the job is launched");
        var job = Job(service)!;
        Assert.Equal(2, (int)job["spec"]!["parallelism"]!);
        Assert.Equal("nightly", (string?)job["metadata"]!["labels"]!["run"]);
        Assert.Equal("mqtt-kube", (string?)job["metadata"]!["labels"]!["app.kubernetes.io/managed-by"]);
        Assert.NotNull((string?)job["metadata"]!["labels"]!["mqtt-kube/binding"]);
        Assert.Contains("{\"action\": \"RUN\"", (string?)job["spec"]!["template"]!["spec"]!["containers"]![0]!["command"]![2]);

        // on-exists: skip — a second RUN leaves the job alone.
        var uid = (string?)job["metadata"]!["uid"];
        await service.PublishAsync("example/cmd", """{"action": "RUN"}""");
        await Eventually.WaitAsync(() => service.Log.Contains("launch skipped", StringComparison.Ordinal), "the second launch is skipped");
        Assert.Equal(uid, (string?)Job(service)!["metadata"]!["uid"]);

        await service.PublishAsync("example/cmd", """{"action": "STOP"}""");
        await Eventually.WaitAsync(() => Job(service) is null, "the job is deleted");
        var delete = service.Kube.Requests.Last(r => r.Method == "DELETE");
        Assert.Contains("Foreground", delete.Body ?? string.Empty + delete.Query, StringComparison.Ordinal);

        // An unknown action is logged, and bad payloads are ignored.
        await service.PublishAsync("example/cmd", """{"action": "DANCE"}""");
        await service.PublishAsync("example/cmd", "not json at all");
        await Eventually.WaitAsync(() => service.Log.Contains("'dance' is not implemented", StringComparison.Ordinal), "the unknown action is logged");
    }

    [Fact]
    public async Task Replace_deletes_the_old_job_waits_and_launches_a_new_one()
    {
        await using var service = await ServiceUnderTest.StartAsync(broker, Bindings("replace"), files: new() { ["job.yaml"] = Template });
        await service.PublishAsync("example/cmd", """{"action": "RUN"}""");
        await Eventually.WaitAsync(() => Job(service) is not null, "the job is launched");
        var first = (string?)Job(service)!["metadata"]!["uid"];

        await service.PublishAsync("example/cmd", """{"action": "RUN"}""");
        await Eventually.WaitAsync(() => Job(service) is { } j && (string?)j["metadata"]!["uid"] != first, "the job is replaced");
    }

    [Fact]
    public async Task A_template_of_another_kind_is_refused()
    {
        var deploymentTemplate = Template.Replace("kind: Job", "kind: Deployment").Replace("batch/v1", "apps/v1");
        await using var service = await ServiceUnderTest.StartAsync(broker, Bindings("skip"), files: new() { ["job.yaml"] = deploymentTemplate });
        await service.PublishAsync("example/cmd", """{"action": "RUN"}""");
        await Eventually.WaitAsync(() => service.Log.Contains("differs from the binding's Job; refused", StringComparison.Ordinal), "the kind mismatch is logged");
        Assert.DoesNotContain(service.Kube.Requests, r => r.Method == "POST");
    }

    [Fact]
    public async Task Restart_stamps_the_pod_template_like_kubectl_rollout_restart()
    {
        const string bindings = """
              - namespace: media
                resource: deploy
                name: jellyfin
                action:
                  topic: jellyfin/restart
                  values: {map: {"now": restart}}
            """;
        await using var service = await ServiceUnderTest.StartAsync(broker, bindings, k => k.Upsert(Objects.Deployment("jellyfin")));
        await service.PublishAsync("jellyfin/restart", "now");
        await Eventually.WaitAsync(
            () => service.Kube.Get("apps/v1", "Deployment", "media", "jellyfin")?["spec"]?["template"]?["metadata"]?["annotations"]?["kubectl.kubernetes.io/restartedAt"] is not null,
            "restartedAt is set");
    }

    private static JsonObject? Job(ServiceUnderTest service) => service.Kube.Get("batch/v1", "Job", "default", "example");
}
