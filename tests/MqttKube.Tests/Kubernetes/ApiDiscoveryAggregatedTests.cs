using MqttKube.FakeKube;
using MqttKube.Tests.Support.Mosquitto;

namespace MqttKube.Tests.Kubernetes;

/// <summary>
/// Discovery on a server with the aggregated form (Kubernetes 1.27+: every group's resources in the answer to
/// <c>/api</c> and <c>/apis</c>) and on one without (1.26 by default): the same kinds resolve the same way; the first
/// takes two requests, the second one more per group version.
/// </summary>
public sealed class ApiDiscoveryAggregatedTests
{
    [Theory]
    [InlineData(true, "Deployment", null, "apps/v1", "deployments", true)]
    [InlineData(true, "deploy", null, "apps/v1", "deployments", true)]
    [InlineData(true, "cj", null, "batch/v1", "cronjobs", true)]
    [InlineData(true, "svc", null, "v1", "services", true)]
    [InlineData(true, "nodes", null, "v1", "nodes", false)]
    [InlineData(true, "deployments.apps", null, "apps/v1", "deployments", true)]
    [InlineData(true, "ms", null, "media.example.com/v1alpha1", "mediaservers", true)]
    [InlineData(true, "Job", null, "batch/v1", "jobs", true)]
    [InlineData(true, "Job", "batch.example.com/v2", "batch.example.com/v2", "jobs", true)]
    [InlineData(false, "ms", null, "media.example.com/v1alpha1", "mediaservers", true)]
    [InlineData(false, "Job", null, "batch/v1", "jobs", true)]
    public async Task KindsResolveTheSameWithOrWithoutTheAggregatedForm(bool aggregated, string resource, string? apiVersion, string expectedApiVersion, string plural, bool namespaced)
    {
        await using var host = await KubeTestHost.StartAsync(new FakeKubeOptions { AggregatedDiscovery = aggregated });
        host.Server.RegisterCustomResource("media.example.com", "v1alpha1", "MediaServer", "mediaservers", true, "ms");
        host.Server.RegisterCustomResource("batch.example.com", "v2", "Job", "jobs", true);

        var type = await host.DiscoveredAsync(resource, apiVersion);

        Assert.NotNull(type);
        Assert.Equal((expectedApiVersion, plural, namespaced), (type.ApiVersion, type.Plural, type.Namespaced));
        Assert.Contains("watch", type.Verbs);
    }

    [Fact]
    public async Task TheAggregatedFormTakesTwoRequestsInAll()
    {
        await using var host = await KubeTestHost.StartAsync(new FakeKubeOptions { AggregatedDiscovery = true });

        await host.DiscoveredAsync("Deployment");

        Assert.Equal(["GET /api", "GET /apis"], host.Server.Requests.Select(r => r.ToString()).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task WithoutItEachGroupVersionIsAskedFor()
    {
        await using var host = await KubeTestHost.StartAsync();

        await host.DiscoveredAsync("Deployment");

        var paths = host.Server.Requests.Select(r => r.Path).ToList();
        Assert.Contains("/api/v1", paths);
        Assert.Contains("/apis/apps/v1", paths);
        Assert.Equal(paths.Count, paths.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public async Task PrefetchLoadsDiscoveryOnceAheadOfTheFirstLookup()
    {
        await using var host = await KubeTestHost.StartAsync(new FakeKubeOptions { AggregatedDiscovery = true });
        host.Server.RegisterCustomResource("media.example.com", "v1alpha1", "MediaServer", "mediaservers", true, "ms");

        host.Discovery.Prefetch();
        await Eventually.WaitAsync(() => host.Server.Requests.Count == 2, "discovery's two requests without any lookup");
        Assert.Equal("media.example.com/v1alpha1", (await host.TypeAsync("ms")).ApiVersion);

        Assert.Equal(2, host.Server.Requests.Count);
    }

    [Fact]
    public async Task AFailedPrefetchIsLoadedAgainByTheFirstLookup()
    {
        await using var host = await KubeTestHost.StartAsync(new FakeKubeOptions { AggregatedDiscovery = true });
        host.Server.RegisterCustomResource("media.example.com", "v1alpha1", "MediaServer", "mediaservers", true, "ms");
        host.Server.InjectFailures(r => r.Path == "/apis", 503);

        host.Discovery.Prefetch();
        await Eventually.WaitAsync(() => host.Server.Requests.Count == 2, "the failed prefetch");

        Assert.Equal("media.example.com/v1alpha1", (await host.TypeAsync("ms")).ApiVersion);
    }
}
