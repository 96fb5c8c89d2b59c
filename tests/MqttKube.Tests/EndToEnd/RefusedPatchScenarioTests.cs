using System.Text.RegularExpressions;
using MqttKube.Tests.EndToEnd.Clusters;
using MqttKube.Tests.Support.Mosquitto;
using MqttKube.Tests.Support.RealKube;

namespace MqttKube.Tests.EndToEnd;

/// <summary>
/// Writes the API server refuses (a negative count, an invalid label, a string where an integer belongs: a payload is
/// text unless its values block makes it something else): each is logged once, saying why, and the service keeps serving.
/// </summary>
[Collection(RealKubeCollection.Name)]
public sealed class RefusedPatchScenarioTests(MosquittoBroker broker, RealKubeControlPlane realKube) : IClassFixture<MosquittoBroker>
{
    [SkippableTheory]
    [ClusterData]
    public async Task A_refused_patch_is_logged_with_the_servers_reason_once_and_the_next_one_lands(string clusterName)
    {
        const string bindings = """
              - namespace: NS
                resource: Deployment
                name: jellyfin
                patch:
                  - {topic: set, locus: spec.replicas, values: {transform: int}}
                  - {topic: set-text, locus: spec.replicas}
                  - {topic: tier, locus: "metadata.labels.tier"}
                watch: {locus: spec.replicas, topic: state}
            """;
        var cluster = await TestCluster.StartAsync(clusterName, realKube);
        await cluster.CreateAsync(Objects.Deployment("jellyfin", cluster.Namespace, replicas: 1));
        await using var service = await ServiceUnderTest.StartAsync(broker, bindings.Replace("NS", cluster.Namespace), cluster);
        await service.WaitForAsync("state", "1");

        await service.PublishAsync("set", "-1");
        await service.PublishAsync("tier", "not a label");
        await service.PublishAsync("set-text", "3");
        await service.PublishAsync("set", "2");
        await service.WaitForAsync("state", "2");

        string[] reasons = ["spec.replicas: Invalid value: -1: must be greater than or equal to 0", "a valid label must be", "cannot unmarshal string into Go struct field DeploymentSpec.spec.replicas of type int32"];
        await Eventually.WaitAsync(() => reasons.All(r => service.Log.Contains(r, StringComparison.Ordinal)), () => "the three refusals logged:\n" + service.Log);
        foreach (var line in service.Log.Split('\n').Where(l => l.Contains("ERROR [patch]", StringComparison.Ordinal)))
        {
            Assert.All(reasons, r => Assert.True(Regex.Count(line, Regex.Escape(r)) <= 1, $"said twice: {r}\nin {line}"));
        }

        Assert.Equal(2, (int?)(await cluster.GetAsync("apps/v1", "Deployment", "jellyfin"))?["spec"]?["replicas"]);
    }
}
