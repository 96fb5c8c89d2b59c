using System.Text.Json.Nodes;
using MqttKube.Tests.EndToEnd.Clusters;
using MqttKube.Tests.Support.Mosquitto;
using MqttKube.Tests.Support.RealKube;

namespace MqttKube.Tests.EndToEnd;

/// <summary>
/// Actions on a selector binding (SPEC 3.4, 12): what an action launched for one bound object is marked as that
/// object's, so <c>delete</c> (and <c>replace</c>) for one object never removes what was launched for its siblings.
/// </summary>
[Collection(RealKubeCollection.Name)]
public sealed class SelectorActionTests(MosquittoBroker broker, RealKubeControlPlane realKube) : IClassFixture<MosquittoBroker>
{
    private const string Template = """
        apiVersion: batch/v1
        kind: Job
        metadata:
          name: "${object.name}-copy"
        spec:
          template:
            spec:
              restartPolicy: Never
              containers:
                - name: copy
                  image: busybox
        """;

    private static string Bindings(string ns) => $$$"""
          - namespace: {{{ns}}}
            resource: Job
            selector: mqtt-kube/expose=true
            action:
              topic: "{name}/cmd"
              launch: !relpath job.yaml
              on-exists: replace
              values: {map: {"RUN": launch, "STOP": delete}}
        """;

    private static string Job(string name, string ns) => """
        {"apiVersion": "batch/v1", "kind": "Job", "metadata": {"name": "NAME", "namespace": "NS", "labels": {"mqtt-kube/expose": "true"}},
         "spec": {"template": {"spec": {"restartPolicy": "Never", "containers": [{"name": "main", "image": "busybox"}]}}}}
        """.Replace("NAME", name, StringComparison.Ordinal).Replace("NS", ns, StringComparison.Ordinal);

    [SkippableTheory]
    [ClusterData]
    public async Task Delete_for_one_bound_object_removes_only_what_was_launched_for_it(string clusterName)
    {
        var cluster = await TestCluster.StartAsync(clusterName, realKube);
        await cluster.CreateAsync(Job("alpha", cluster.Namespace));
        await cluster.CreateAsync(Job("beta", cluster.Namespace));
        await using var service = await ServiceUnderTest.StartAsync(broker, Bindings(cluster.Namespace), cluster, files: new() { ["job.yaml"] = Template });

        await service.PublishAsync("alpha/cmd", "RUN");
        await service.PublishAsync("beta/cmd", "RUN");
        await Eventually.WaitAsync(async () => await cluster.GetAsync("batch/v1", "Job", "alpha-copy") is not null, () => "alpha's copy is launched\n" + service.Log);
        await cluster.WaitForAsync("batch/v1", "Job", "beta-copy", j => j is not null, "beta's copy is launched");
        var alphaLabel = Label(await cluster.GetAsync("batch/v1", "Job", "alpha-copy"));
        var betaLabel = Label(await cluster.GetAsync("batch/v1", "Job", "beta-copy"));

        await service.PublishAsync("alpha/cmd", "STOP");
        await Eventually.WaitAsync(() => service.Log.Contains("deleted 2 object(s)", StringComparison.Ordinal), () => "alpha's delete is done\n" + service.Log);
        await cluster.WaitForAsync("batch/v1", "Job", "alpha-copy", j => j is null, "alpha's copy is deleted");
        Assert.NotNull(await cluster.GetAsync("batch/v1", "Job", "beta-copy")); // launched for beta: not alpha's to delete
        Assert.NotNull(await cluster.GetAsync("batch/v1", "Job", "beta"));

        // Each bound object's own label value: its name and a hash, a valid label value.
        Assert.NotEqual(alphaLabel, betaLabel);
        Assert.Matches("^alpha-[0-9a-f]{10}$", alphaLabel);
        Assert.Matches("^beta-[0-9a-f]{10}$", betaLabel);
    }

    private static string Label(JsonObject? job) => (string?)job?["metadata"]?["labels"]?["mqtt-kube/binding"] ?? "(none)";
}
