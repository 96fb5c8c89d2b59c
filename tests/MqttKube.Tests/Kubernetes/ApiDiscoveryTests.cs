using MqttKube.Kubernetes;

namespace MqttKube.Tests.Kubernetes;

public sealed class ApiDiscoveryTests
{
    [Theory]
    [InlineData("Deployment", null, "apps", "Deployment", "deployments", true)]
    [InlineData("deployments", null, "apps", "Deployment", "deployments", true)]
    [InlineData("deploy", null, "apps", "Deployment", "deployments", true)]
    [InlineData("DEPLOY", null, "apps", "Deployment", "deployments", true)]
    [InlineData("deployment", null, "apps", "Deployment", "deployments", true)]
    [InlineData("daemonset", null, "apps", "DaemonSet", "daemonsets", true)]
    [InlineData("sts", null, "apps", "StatefulSet", "statefulsets", true)]
    [InlineData("rs", null, "apps", "ReplicaSet", "replicasets", true)]
    [InlineData("Job", null, "batch", "Job", "jobs", true)]
    [InlineData("cj", null, "batch", "CronJob", "cronjobs", true)]
    [InlineData("pod", null, "", "Pod", "pods", true)]
    [InlineData("svc", null, "", "Service", "services", true)]
    [InlineData("ConfigMap", "v1", "", "ConfigMap", "configmaps", true)]
    [InlineData("Namespace", null, "", "Namespace", "namespaces", false)]
    [InlineData("nodes", null, "", "Node", "nodes", false)]
    [InlineData("deployments.apps", null, "apps", "Deployment", "deployments", true)]
    public async Task ResolvesBuiltInKinds(string resource, string? apiVersion, string group, string kind, string plural, bool namespaced)
    {
        await using var host = await KubeTestHost.StartAsync();
        foreach (var type in new[] { await host.TypeAsync(resource, apiVersion), await host.DiscoveredAsync(resource, apiVersion) })
        {
            Assert.NotNull(type);
            Assert.Equal((group, kind, plural, namespaced, "v1"), (type.Group, type.Kind, type.Plural, type.Namespaced, type.Version));
            Assert.Contains("watch", type.Verbs);
        }
    }

    [Fact]
    public async Task FindsCustomResourcesInstalledAfterTheFirstLookup()
    {
        await using var host = await KubeTestHost.StartAsync();
        await host.Discovery.GetAllAsync(CancellationToken.None); // discovery cached now
        host.Server.RegisterCustomResource("media.example.com", "v1alpha1", "MediaServer", "mediaservers", true, "ms");
        host.Server.RegisterCustomResource("example.com", "v1", "Cluster", "clusters", false);

        var ms = await host.TypeAsync("ms");
        Assert.Equal(("media.example.com/v1alpha1", "MediaServer", "mediaservers", true), (ms.ApiVersion, ms.Kind, ms.Plural, ms.Namespaced));
        Assert.Equal("/apis/media.example.com/v1alpha1/namespaces/a/mediaservers/x", ms.ObjectPath("a", "x"));
        var cluster = await host.TypeAsync("cluster", "example.com/v1");
        Assert.False(cluster.Namespaced);
        Assert.Equal("/apis/example.com/v1/clusters/x", cluster.ObjectPath("ignored", "x"));
    }

    [Fact]
    public async Task ApiVersionDisambiguatesAKindServedByTwoGroups()
    {
        await using var host = await KubeTestHost.StartAsync();
        host.Server.RegisterCustomResource("batch.example.com", "v2", "Job", "jobs", true);

        Assert.Equal("batch/v1", (await host.TypeAsync("Job")).ApiVersion); // built-in groups first, as kubectl
        Assert.Equal("batch.example.com/v2", (await host.TypeAsync("Job", "batch.example.com/v2")).ApiVersion);
        Assert.Equal("batch.example.com/v2", (await host.TypeAsync("jobs.batch.example.com")).ApiVersion);
    }

    [Fact]
    public async Task AnUnknownKindIsAClearErrorWithASuggestion()
    {
        await using var host = await KubeTestHost.StartAsync();
        var e = await Assert.ThrowsAsync<KubeApiException>(() => host.TypeAsync("Deploymnet"));
        Assert.Equal("the API server has no resource type \"Deploymnet\" (did you mean \"Deployment\"?)", e.Message);

        var far = await Assert.ThrowsAsync<KubeApiException>(() => host.TypeAsync("Gizmo"));
        Assert.Equal("the API server has no resource type \"Gizmo\"", far.Message);

        var version = await Assert.ThrowsAsync<KubeApiException>(() => host.TypeAsync("Deployment", "apps/v9"));
        Assert.Contains("does not serve api-version \"apps/v9\"", version.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ABrokenAggregatedApiDoesNotBreakDiscovery()
    {
        await using var host = await KubeTestHost.StartAsync();
        host.Server.RegisterCustomResource("metrics.k8s.io", "v1beta1", "PodMetrics", "pods", true);
        host.Server.InjectFailures(r => r.Path == "/apis/metrics.k8s.io/v1beta1", 503, 100);
        Assert.Equal("Deployment", (await host.DiscoveredAsync("deploy"))?.Kind);
    }
}
