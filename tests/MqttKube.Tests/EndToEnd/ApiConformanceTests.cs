using MqttKube.Tests.EndToEnd.Clusters;
using MqttKube.Tests.Support.RealKube;

namespace MqttKube.Tests.EndToEnd;

/// <summary>
/// The fake API server answers as the real kube-apiserver does (codes, Status reasons and messages, decoding, validation,
/// deletion): every case of <see cref="ApiCases"/> runs on both; the expected answers are the real server's (v1.26).
/// </summary>
[Collection(RealKubeCollection.Name)]
public sealed class ApiConformanceTests(RealKubeControlPlane realKube)
{
    [SkippableTheory]
    [ClusterData]
    public async Task Every_case_gets_the_real_servers_answer(string clusterName)
    {
        await using var cluster = await TestCluster.StartAsync(clusterName, realKube);
        await cluster.CreateAsync(Objects.Deployment("jellyfin", cluster.Namespace, replicas: 1));
        await cluster.CreateAsync(ApiCases.ConfigMap("cm", cluster.Namespace));
        await cluster.CreateAsync(ApiCases.ConfigMap("doomed", cluster.Namespace));

        var mismatches = new List<string>();
        foreach (var c in ApiCases.All)
        {
            var response = await cluster.Http.SendAsync(new HttpMethod(c.Method), c.Path.Replace("NS", cluster.Namespace), c.Body?.Replace("NS", cluster.Namespace), c.ContentType);
            if (c.Mismatch(response) is { } mismatch)
            {
                mismatches.Add(mismatch);
            }
        }

        Assert.True(mismatches.Count == 0, $"the {cluster.Name} API server answered otherwise:\n" + string.Join("\n", mismatches));
    }

    [SkippableTheory]
    [ClusterData]
    public async Task An_object_held_by_a_finalizer_waits_and_takes_no_new_finalizer(string clusterName)
    {
        await using var cluster = await TestCluster.StartAsync(clusterName, realKube);
        await cluster.CreateAsync(ApiCases.ConfigMap("held", cluster.Namespace, """ ,"finalizers":["example.com/hold"] """));
        var path = $"/api/v1/namespaces/{cluster.Namespace}/configmaps/held";

        // The deletion waits: 200 with the object, now carrying a deletionTimestamp.
        var deleted = await cluster.Http.SendAsync(HttpMethod.Delete, path);
        Assert.Equal(200, deleted.Code);
        Assert.Equal("ConfigMap", (string?)deleted.Body?["kind"]);
        Assert.NotNull(deleted.Body?["metadata"]?["deletionTimestamp"]);

        // No new finalizer; other changes are fine.
        var added = await cluster.Http.SendAsync(HttpMethod.Patch, path, """{"metadata":{"finalizers":["example.com/hold","example.com/more"]}}""", "application/merge-patch+json");
        Assert.Equal(422, added.Code);
        Assert.Equal("""ConfigMap "held" is invalid: metadata.finalizers: Forbidden: no new finalizers can be added if the object is being deleted, found new finalizers []string{"example.com/more"}""", added.Message);
        Assert.Equal(200, (await cluster.Http.SendAsync(HttpMethod.Patch, path, """{"data":{"b":"2"}}""", "application/merge-patch+json")).Code);

        // The last finalizer removed: the object goes.
        Assert.Equal(200, (await cluster.Http.SendAsync(HttpMethod.Patch, path, """{"metadata":{"finalizers":null}}""", "application/merge-patch+json")).Code);
        await cluster.WaitForAsync("v1", "ConfigMap", "held", o => o is null, "the object is gone");
    }

    [SkippableTheory]
    [ClusterData]
    public async Task A_patch_of_the_main_resource_ignores_status_and_the_status_subresource_ignores_the_rest(string clusterName)
    {
        await using var cluster = await TestCluster.StartAsync(clusterName, realKube);
        await cluster.CreateAsync(Objects.StatefulSet("db", cluster.Namespace, replicas: 0));
        var path = $"/apis/apps/v1/namespaces/{cluster.Namespace}/statefulsets/db";

        var main = await cluster.Http.SendAsync(HttpMethod.Patch, path, """{"status":{"replicas":5},"metadata":{"labels":{"a":"b"}}}""", "application/merge-patch+json");
        Assert.Equal(200, main.Code);
        Assert.NotEqual(5, (int?)main.Body?["status"]?["replicas"]);
        Assert.Equal("b", (string?)main.Body?["metadata"]?["labels"]?["a"]);

        var status = await cluster.Http.SendAsync(HttpMethod.Patch, path + "/status", """{"status":{"collisionCount":3},"spec":{"replicas":7}}""", "application/merge-patch+json");
        Assert.Equal(200, status.Code);
        Assert.Equal(3, (int?)status.Body?["status"]?["collisionCount"]);
        Assert.Equal(0, (int?)status.Body?["spec"]?["replicas"]);
    }

    [SkippableTheory]
    [ClusterData]
    public async Task An_object_nested_thousands_deep_is_stored_and_served_and_one_too_deep_is_refused(string clusterName)
    {
        await using var cluster = await TestCluster.StartAsync(clusterName, realKube);
        await cluster.RegisterCustomResourceAsync(CustomResourceType.Widget);
        var widgets = $"/apis/example.com/v1/namespaces/{cluster.Namespace}/widgets";
        Assert.Equal(201, (await cluster.Http.SendAsync(HttpMethod.Post, widgets, Objects.DeepWidget("deep", cluster.Namespace, depth: 9000))).Code);

        var list = await cluster.Http.SendAsync(HttpMethod.Get, widgets);
        Assert.Equal(200, list.Code);
        Assert.Contains(string.Concat(Enumerable.Repeat("{\"a\":", 9000)), list.Text, StringComparison.Ordinal);

        var tooDeep = await cluster.Http.SendAsync(HttpMethod.Post, widgets, Objects.DeepWidget("too-deep", cluster.Namespace, depth: 10_000));
        Assert.Equal(400, tooDeep.Code);
        Assert.Equal("BadRequest", tooDeep.Reason);
    }
}
