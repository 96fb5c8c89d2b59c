using System.Text.Json.Nodes;
using MqttKube.Tests.EndToEnd.Clusters;
using MqttKube.Tests.Support.Mosquitto;
using MqttKube.Tests.Support.RealKube;

namespace MqttKube.Tests.EndToEnd;

/// <summary>
/// The original README's Job: launched from a template on {"action": "RUN"}, deleted on STOP; on the fake and on a
/// real kube-apiserver (whose Job controller makes Pods that stay Pending: there are no nodes).
/// </summary>
[Collection(RealKubeCollection.Name)]
public sealed class ActionScenarioTests(MosquittoBroker broker, RealKubeControlPlane realKube) : IClassFixture<MosquittoBroker>
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

    private static string Bindings(string ns, string onExists) => $"""
          - namespace: {ns}
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

    [SkippableTheory]
    [ClusterData]
    public async Task Run_launches_the_rendered_job_and_stop_deletes_it(string clusterName)
    {
        var cluster = await TestCluster.StartAsync(clusterName, realKube);
        await using var service = await ServiceUnderTest.StartAsync(broker, Bindings(cluster.Namespace, "skip"), cluster, files: new() { ["job.yaml"] = Template });

        await service.PublishAsync("example/cmd", """{"action": "RUN", "n": 2, "tag": "nightly"}""");
        await cluster.WaitForAsync("batch/v1", "Job", "example", j => j is not null, "the job is launched");
        var job = (await Job(cluster))!;
        Assert.Equal(2, (int)job["spec"]!["parallelism"]!);
        Assert.Equal("nightly", (string?)job["metadata"]!["labels"]!["run"]);
        Assert.Equal("mqtt-kube", (string?)job["metadata"]!["labels"]!["app.kubernetes.io/managed-by"]);
        Assert.NotNull((string?)job["metadata"]!["labels"]!["mqtt-kube/binding"]);
        Assert.Contains("{\"action\": \"RUN\"", (string?)job["spec"]!["template"]!["spec"]!["containers"]![0]!["command"]![2]);

        // on-exists: skip — a second RUN leaves the job alone.
        var uid = (string?)job["metadata"]!["uid"];
        await service.PublishAsync("example/cmd", """{"action": "RUN"}""");
        await Eventually.WaitAsync(() => service.Log.Contains("launch skipped", StringComparison.Ordinal), "the second launch is skipped");
        Assert.Equal(uid, (string?)(await Job(cluster))!["metadata"]!["uid"]);

        // STOP deletes in the foreground: the job goes once its Pods have gone.
        await service.PublishAsync("example/cmd", """{"action": "STOP"}""");
        await cluster.WaitForAsync("batch/v1", "Job", "example", j => j is null, "the job is deleted");
        if (cluster.Fake is { } fake)
        {
            var delete = fake.Requests.Last(r => r.Method == "DELETE");
            Assert.Contains("Foreground", delete.Body ?? string.Empty + delete.Query, StringComparison.Ordinal);
        }

        // An unknown action is logged, and bad payloads are ignored.
        await service.PublishAsync("example/cmd", """{"action": "DANCE"}""");
        await service.PublishAsync("example/cmd", "not json at all");
        await Eventually.WaitAsync(() => service.Log.Contains("'dance' is not implemented", StringComparison.Ordinal), "the unknown action is logged");
    }

    [SkippableTheory]
    [ClusterData]
    public async Task Replace_deletes_the_old_job_waits_and_launches_a_new_one(string clusterName)
    {
        var cluster = await TestCluster.StartAsync(clusterName, realKube);
        await using var service = await ServiceUnderTest.StartAsync(broker, Bindings(cluster.Namespace, "replace"), cluster, files: new() { ["job.yaml"] = Template });
        await service.PublishAsync("example/cmd", """{"action": "RUN"}""");
        await cluster.WaitForAsync("batch/v1", "Job", "example", j => j is not null, "the job is launched");
        var first = (string?)(await Job(cluster))!["metadata"]!["uid"];

        await service.PublishAsync("example/cmd", """{"action": "RUN"}""");
        await cluster.WaitForAsync("batch/v1", "Job", "example", j => j is not null && (string?)j["metadata"]!["uid"] != first, "the job is replaced");
    }

    [SkippableTheory]
    [ClusterData]
    public async Task A_template_of_another_kind_is_refused(string clusterName)
    {
        var cluster = await TestCluster.StartAsync(clusterName, realKube);
        var deploymentTemplate = Template.Replace("kind: Job", "kind: Deployment").Replace("batch/v1", "apps/v1");
        await using var service = await ServiceUnderTest.StartAsync(broker, Bindings(cluster.Namespace, "skip"), cluster, files: new() { ["job.yaml"] = deploymentTemplate });
        await service.PublishAsync("example/cmd", """{"action": "RUN"}""");
        await Eventually.WaitAsync(() => service.Log.Contains("differs from the binding's Job; the launch is refused", StringComparison.Ordinal), "the kind mismatch is logged");
        Assert.Null(await cluster.GetAsync("apps/v1", "Deployment", "example"));
        Assert.DoesNotContain(cluster.Fake?.Requests ?? [], r => r.Method == "POST");
    }

    [SkippableTheory]
    [ClusterData]
    public async Task Restart_stamps_the_pod_template_like_kubectl_rollout_restart(string clusterName)
    {
        const string bindings = """
              - namespace: NS
                resource: deploy
                name: jellyfin
                action:
                  topic: jellyfin/restart
                  values: {map: {"now": restart}}
            """;
        var cluster = await TestCluster.StartAsync(clusterName, realKube);
        await cluster.CreateAsync(Objects.Deployment("jellyfin", cluster.Namespace));
        await using var service = await ServiceUnderTest.StartAsync(broker, bindings.Replace("NS", cluster.Namespace), cluster);
        await service.PublishAsync("jellyfin/restart", "now");
        await cluster.WaitForAsync(
            "apps/v1", "Deployment", "jellyfin",
            d => d?["spec"]?["template"]?["metadata"]?["annotations"]?["kubectl.kubernetes.io/restartedAt"] is not null,
            "restartedAt is set");
    }

    private static Task<JsonObject?> Job(TestCluster cluster) => cluster.GetAsync("batch/v1", "Job", "example");
}
