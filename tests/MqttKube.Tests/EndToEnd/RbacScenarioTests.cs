using System.Text.Json.Nodes;
using MqttKube.FakeKube;
using MqttKube.Tests.EndToEnd.Clusters;
using MqttKube.Tests.Support.Mosquitto;
using MqttKube.Tests.Support.RealKube;

namespace MqttKube.Tests.EndToEnd;

/// <summary>
/// The least-privilege RBAC that <c>mqtt-kube rbac</c> prints is enough for every association, and nothing more is
/// needed: applied to a real kube-apiserver (RBAC authorization), the service runs as that ServiceAccount.
/// </summary>
[Collection(RealKubeCollection.Name)]
public sealed class RbacScenarioTests(MosquittoBroker broker, RealKubeControlPlane realKube) : IClassFixture<MosquittoBroker>
{
    private const string Job = """
        apiVersion: batch/v1
        kind: Job
        metadata: {name: "${binding.name}"}
        spec:
          template:
            spec:
              restartPolicy: Never
              containers: [{name: c, image: busybox}]
        """;

    [SkippableFact]
    public async Task On_a_real_api_server_the_service_runs_as_the_service_account_of_the_rbac_it_prints()
    {
        var cluster = await RealCluster.StartAsync(realKube);
        await cluster.RegisterCustomResourceAsync(CustomResourceType.Widget);
        await cluster.CreateAsync(Objects.Deployment("jellyfin", cluster.Namespace));
        await cluster.CreateAsync(Objects.Widget("w1", cluster.Namespace, speed: 1));
        var node = cluster.UniqueName("edge-1");
        await cluster.CreateAsync(Objects.Node(node));
        var bindings = """
              - namespace: NS
                resource: Deployment
                name: jellyfin
                patch: {topic: jellyfin/set, locus: spec.replicas, values: {transform: int}}
                watch: {locus: spec.replicas, topic: jellyfin/state}
                action: {topic: jellyfin/restart, values: {map: {"now": restart}}}
              - namespace: NS
                resource: Job
                name: backup
                action: {topic: backup/cmd, launch: !relpath job.yaml, values: {map: {"RUN": launch, "STOP": delete}}}
              - namespace: NS
                resource: widget
                api-version: example.com/v1
                name: w1
                patch: {topic: w1/set, locus: spec.speed, values: {transform: int}}
                watch: {locus: spec.speed, topic: w1/speed}
              - resource: nodes
                name: NODE
                patch: {topic: node/cordon, locus: spec.unschedulable, values: {map: {"yes": true}}}
                watch: {locus: spec.unschedulable, topic: node/cordoned, values: {map: {true: "yes", ~: "no"}}}
            """.Replace("NS", cluster.Namespace).Replace("NODE", node);

        // The RBAC, as printed for this config with the service in the test's namespace, applied as an admin would.
        var dir = Directory.CreateTempSubdirectory("mqtt-kube-rbac-").FullName;
        try
        {
            await File.WriteAllTextAsync(Path.Combine(dir, "job.yaml"), Job);
            await File.WriteAllTextAsync(Path.Combine(dir, "config.yaml"), "mqtt: {port: 1883}\nbindings:\n" + bindings);
            var (exit, rbac, err) = await Support.Cli.RunAsync("rbac", "--namespace", cluster.Namespace, Path.Combine(dir, "config.yaml"));
            Assert.True(exit == 0, err);
            foreach (var document in SeedReader.Read(rbac))
            {
                await cluster.CreateAsync(document);
            }
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }

        var token = await cluster.Http.RequestAsync(HttpMethod.Post, $"/api/v1/namespaces/{cluster.Namespace}/serviceaccounts/mqtt-kube/token",
            new JsonObject { ["apiVersion"] = "authentication.k8s.io/v1", ["kind"] = "TokenRequest", ["spec"] = new JsonObject { ["expirationSeconds"] = 3600 } });
        cluster.ServiceToken = (string?)token["status"]?["token"];

        await using var service = await ServiceUnderTest.StartAsync(broker, bindings, cluster, files: new() { ["job.yaml"] = Job });
        await service.WaitForAsync("jellyfin/state", "0");
        await service.WaitForAsync("w1/speed", "1");
        await service.WaitForAsync("node/cordoned", "no");

        await service.PublishAsync("jellyfin/set", "1");
        await service.WaitForAsync("jellyfin/state", "1");
        await service.PublishAsync("jellyfin/restart", "now");
        await service.PublishAsync("w1/set", "5");
        await service.WaitForAsync("w1/speed", "5");
        await service.PublishAsync("node/cordon", "yes");
        await service.WaitForAsync("node/cordoned", "yes");
        await service.PublishAsync("backup/cmd", "RUN");
        await cluster.WaitForAsync("batch/v1", "Job", "backup", j => j is not null, "the job is launched");
        await service.PublishAsync("backup/cmd", "STOP");
        await cluster.WaitForAsync("batch/v1", "Job", "backup", j => j is null, "the job is deleted");
        await cluster.WaitForAsync("apps/v1", "Deployment", "jellyfin",
            d => d?["spec"]?["template"]?["metadata"]?["annotations"]?["kubectl.kubernetes.io/restartedAt"] is not null, "restartedAt is set");
        Assert.DoesNotContain("forbidden", service.Log, StringComparison.OrdinalIgnoreCase);
    }
}
