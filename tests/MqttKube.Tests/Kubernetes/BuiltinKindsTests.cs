using MqttKube.Kubernetes;
using MqttKube.Tests.Support.Mosquitto;

namespace MqttKube.Tests.Kubernetes;

/// <summary>The stable built-in kinds resolve without discovery: a start-up with only those asks the server for its lists and watches alone.</summary>
public sealed class BuiltinKindsTests
{
    /// <summary>Every name of every built-in kind: kind, plural, singular, short names, <c>plural.group</c>, with and without its api-version.</summary>
    public static TheoryData<string, string?, string> Names()
    {
        var data = new TheoryData<string, string?, string>();
        foreach (var t in BuiltinKinds.All.Where(t => t.ToString() != "Event.events.k8s.io/v1"))
        {
            var names = new[] { t.Kind, t.Plural, t.Kind.ToLowerInvariant(), t.Kind.ToUpperInvariant() }.Concat(t.ShortNames).Distinct(StringComparer.Ordinal).ToList();
            foreach (var name in names)
            {
                data.Add(name, null, t.ToString());
                data.Add(name, t.ApiVersion, t.ToString());
            }

            if (!names.Contains(t.QualifiedPlural))
            {
                data.Add(t.QualifiedPlural, null, t.ToString()); // core types: the plural is the qualified plural
            }
        }

        data.Add("Event", "events.k8s.io/v1", "Event.events.k8s.io/v1");
        data.Add("events.events.k8s.io", null, "Event.events.k8s.io/v1");
        // "ev" (a short name of both Events) is the core group's, as discovery orders them: covered above.
        data.Add("hpa", "autoscaling", "HorizontalPodAutoscaler.autoscaling/v2"); // a group alone: its preferred version
        return data;
    }

    [Theory]
    [MemberData(nameof(Names))]
    public async Task ABuiltInKindResolvesWithoutAskingTheServer(string resource, string? apiVersion, string expected)
    {
        await using var host = await KubeTestHost.StartAsync();

        Assert.False(ApiDiscovery.NeedsDiscovery(resource, apiVersion));
        Assert.Equal(expected, (await host.TypeAsync(resource, apiVersion)).ToString());
        Assert.Empty(host.Server.Requests);
    }

    [Theory]
    [InlineData("MediaServer", null)] // a custom resource
    [InlineData("ms", null)]
    [InlineData("Job", "batch.example.com/v2")] // a built-in kind's name at another group
    [InlineData("jobs.batch.example.com", null)]
    [InlineData("HorizontalPodAutoscaler", "autoscaling/v1")] // a built-in kind at another version
    [InlineData("CSIStorageCapacity", null)] // served, but not in the table
    public async Task EverythingElseGoesThroughDiscovery(string resource, string? apiVersion)
    {
        await using var host = await KubeTestHost.StartAsync();
        host.Server.RegisterCustomResource("media.example.com", "v1alpha1", "MediaServer", "mediaservers", true, "ms");
        host.Server.RegisterCustomResource("batch.example.com", "v2", "Job", "jobs", true);
        host.Server.RegisterCustomResource("autoscaling", "v1", "HorizontalPodAutoscaler", "horizontalpodautoscalers", true, "hpa");
        host.Server.RegisterCustomResource("storage.k8s.io", "v1", "CSIStorageCapacity", "csistoragecapacities", true);

        Assert.True(ApiDiscovery.NeedsDiscovery(resource, apiVersion));
        var type = await host.TypeAsync(resource, apiVersion);

        Assert.Equal(await host.DiscoveredAsync(resource, apiVersion), type);
        Assert.Contains(host.Server.Requests, r => r.Path == "/apis");
    }

    [Fact]
    public async Task WatchingABuiltInKindAsksForItsListAndWatchAlone()
    {
        await using var host = await KubeTestHost.StartAsync();
        host.Server.Upsert(KubeTestHost.Deployment("a"));
        var events = new EventLog();

        using var subscription = host.Informers.Subscribe(await host.TypeAsync("deploy"), "media", "a", events.Add);
        await Eventually.WaitAsync(() => events.Events.Count == 1, "the deployment");

        Assert.All(host.Server.Requests, r => Assert.Equal("/apis/apps/v1/namespaces/media/deployments", r.Path));
    }

    [Fact]
    public async Task ABuiltInKindTheServerDoesNotServeIsAClearError()
    {
        await using var host = await KubeTestHost.StartAsync(); // the fake API server has no networking.k8s.io
        var events = new EventLog();

        using var subscription = host.Informers.Subscribe(await host.TypeAsync("ing"), "media", "a", events.Add);
        await Eventually.WaitAsync(() => host.Informers.Status.Single().LastError is not null, "the failed list");

        Assert.StartsWith("the API server does not serve ingresses.networking.k8s.io (networking.k8s.io/v1): ", host.Informers.Status.Single().LastError, StringComparison.Ordinal);
    }
}
