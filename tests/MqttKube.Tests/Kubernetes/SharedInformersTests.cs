using MqttKube.Kubernetes;
using MqttKube.Tests.Support.Mosquitto;

namespace MqttKube.Tests.Kubernetes;

public sealed class SharedInformersTests
{
    private static int Replicas(ObjectEvent e) => (int?)e.Object?["spec"]?["replicas"] ?? -1;

    [Fact]
    public async Task SubscribersGetTheCurrentStateThenEveryChangeFromOneSharedWatch()
    {
        await using var host = await KubeTestHost.StartAsync();
        host.Server.Upsert(KubeTestHost.Deployment("a", 1));
        var type = await host.TypeAsync("Deployment");
        var a = new EventLog();
        var missing = new EventLog();
        var all = new EventLog();
        using var s1 = host.Informers.Subscribe(type, "media", "a", a.Add);
        using var s2 = host.Informers.Subscribe(type, "media", "b", missing.Add);
        await Eventually.WaitAsync(() => a.Events.Count == 1 && missing.Events.Count == 1, "initial state");
        using var s3 = host.Informers.Subscribe(type, "media", null, all.Add);
        await Eventually.WaitAsync(() => all.Has(e => e.Type == ObjectEventType.Synced), "late subscriber synced");

        Assert.Equal(ObjectEventType.Added, a.Events[0].Type);
        Assert.Equal(ObjectEventType.Absent, missing.Events[0].Type);
        Assert.Equal([ObjectEventType.Added, ObjectEventType.Synced], all.Events.Select(e => e.Type));

        host.Server.Modify("apps/v1", "Deployment", "media", "a", o => o["spec"]!["replicas"] = 2);
        host.Server.Upsert(KubeTestHost.Deployment("b", 5));
        host.Server.Delete("apps/v1", "Deployment", "media", "a");
        await Eventually.WaitAsync(() => a.Events.Count == 3 && missing.Events.Count == 2 && all.Events.Count == 5, "changes");

        Assert.Equal([ObjectEventType.Added, ObjectEventType.Modified, ObjectEventType.Deleted], a.Events.Select(e => e.Type));
        Assert.Equal(2, Replicas(a.Events[1]));
        Assert.Equal((ObjectEventType.Added, 5), (missing.Events[1].Type, Replicas(missing.Events[1])));
        Assert.Single(host.Server.Requests, r => r.IsWatch);
        Assert.Single(host.Server.Requests, r => r.Method == "GET" && r.Path == "/apis/apps/v1/namespaces/media/deployments" && !r.IsWatch);
        var watch = host.Server.Requests.Single(r => r.IsWatch);
        Assert.Equal("true", watch["allowWatchBookmarks"]);
        Assert.False(string.IsNullOrEmpty(watch["resourceVersion"]));
    }

    [Fact]
    public async Task ACutStreamResumesFromTheLastResourceVersion()
    {
        await using var host = await KubeTestHost.StartAsync();
        host.Server.Upsert(KubeTestHost.Deployment("a", 0));
        var type = await host.TypeAsync("Deployment");
        var log = new EventLog();
        using var sub = host.Informers.Subscribe(type, "media", "a", log.Add);
        await Eventually.WaitAsync(() => log.Events.Count == 1 && host.Server.OpenWatchCount == 1, "watching");

        for (var i = 1; i <= 10; i++)
        {
            host.Server.Modify("apps/v1", "Deployment", "media", "a", o => o["spec"]!["replicas"] = i);
            if (i % 3 == 0)
            {
                host.Server.CutWatches();
            }
        }

        await Eventually.WaitAsync(() => log.Events.Count == 11, "every change");
        Assert.Equal(Enumerable.Range(0, 11), log.Events.Select(Replicas));
        log.AssertNoDuplicates();
        var watches = host.Server.Requests.Where(r => r.IsWatch).ToList();
        Assert.True(watches.Count >= 2);
        var resumedFrom = watches.Select(w => long.Parse(w["resourceVersion"]!, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(resumedFrom.Order(), resumedFrom); // each reconnect resumes where the broken stream stopped
        Assert.Single(host.Server.Requests, r => r.Method == "GET" && !r.IsWatch && r.Path.EndsWith("/deployments", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task GoneRelistsAndReconcilesWhatChangedMeanwhile(bool goneAsHttpError)
    {
        await using var host = await KubeTestHost.StartAsync(new FakeKube.FakeKubeOptions { WatchGoneAsHttpError = goneAsHttpError });
        foreach (var name in new[] { "keep", "change", "drop" })
        {
            host.Server.Upsert(KubeTestHost.Deployment(name, 1));
        }

        var type = await host.TypeAsync("Deployment");
        var log = new EventLog();
        using var sub = host.Informers.Subscribe(type, "media", null, log.Add);
        await Eventually.WaitAsync(() => log.Has(e => e.Type == ObjectEventType.Synced) && host.Server.OpenWatchCount == 1, "synced");
        host.Server.InjectFailures(r => r.IsWatch, 503, 1); // hold the reconnect off until the gap is made
        host.Server.CutWatches();
        await Eventually.WaitAsync(() => host.Server.Requests.Count(r => r.IsWatch) == 2, "reconnect refused");
        host.Server.Modify("apps/v1", "Deployment", "media", "change", o => o["spec"]!["replicas"] = 9);
        host.Server.Delete("apps/v1", "Deployment", "media", "drop");
        host.Server.Upsert(KubeTestHost.Deployment("new", 4));
        host.Server.ExpireHistory();

        await Eventually.WaitAsync(() => log.Events.Count == 7, "reconciled");
        var after = log.Events.Skip(4).ToList();
        Assert.Contains(after, e => e is { Type: ObjectEventType.Deleted, Name: "drop" });
        Assert.Contains(after, e => e.Type == ObjectEventType.Modified && e.Name == "change" && Replicas(e) == 9);
        Assert.Contains(after, e => e.Type == ObjectEventType.Added && e.Name == "new");
        Assert.DoesNotContain(after, e => e.Name == "keep");
        // the first list from the watch cache, the re-list from etcd (never older than what was seen)
        Assert.Equal(["0", null], host.Server.Requests.Where(r => r.Method == "GET" && !r.IsWatch && r.Path.EndsWith("/deployments", StringComparison.Ordinal)).Select(r => r["resourceVersion"]));

        host.Server.Modify("apps/v1", "Deployment", "media", "keep", o => o["spec"]!["replicas"] = 2);
        await Eventually.WaitAsync(() => log.Has(e => e.Name == "keep" && Replicas(e) == 2), "watching again after the re-list");
        log.AssertNoDuplicates();
    }

    [Fact]
    public async Task ARunOfServerErrorsIsRetriedUntilItConverges()
    {
        await using var host = await KubeTestHost.StartAsync();
        host.Server.Upsert(KubeTestHost.Deployment("a", 1));
        var type = await host.TypeAsync("Deployment");
        host.Server.InjectFailures(r => r.Path.EndsWith("/deployments", StringComparison.Ordinal), 500, 4);
        var log = new EventLog();
        using var sub = host.Informers.Subscribe(type, "media", "a", log.Add);
        await Eventually.WaitAsync(() => sub.LastError != null, "failure reported");
        Assert.Contains("Internal error occurred", sub.LastError, StringComparison.Ordinal);
        await Eventually.WaitAsync(() => log.Events.Count == 1 && host.Server.OpenWatchCount == 1, "synced after errors");
        Assert.Null(sub.LastError);

        host.Server.InjectFailures(r => r.IsWatch, 500, 5);
        host.Server.CutWatches();
        host.Server.Modify("apps/v1", "Deployment", "media", "a", o => o["spec"]!["replicas"] = 2);
        host.Server.Modify("apps/v1", "Deployment", "media", "a", o => o["spec"]!["replicas"] = 3);
        await Eventually.WaitAsync(() => log.Events.Count == 3, "changes after the errors");
        Assert.Equal([1, 2, 3], log.Events.Select(Replicas));
        log.AssertNoDuplicates();
        Assert.Contains(host.Informers.Status, s => s.Restarts >= 5 && s.Synced);
    }

    [Fact]
    public async Task TheFirstListIsOneRequestAnsweredFromTheWatchCache()
    {
        await using var host = await KubeTestHost.StartAsync();
        foreach (var name in new[] { "a", "b", "c" })
        {
            host.Server.Upsert(KubeTestHost.Deployment(name));
        }

        var type = await host.TypeAsync("Deployment");
        await using var informers = new SharedInformers(host.Api, new InformerOptions { ListPageSize = 2 });
        var log = new EventLog();
        using var sub = informers.Subscribe(type, "media", null, log.Add);

        await Eventually.WaitAsync(() => log.Has(e => e.Type == ObjectEventType.Synced), "the whole list");
        Assert.Equal(["a", "b", "c", null], log.Events.Select(e => e.Name));
        var list = Assert.Single(host.Server.Requests, r => r.Method == "GET" && !r.IsWatch && r.Path.EndsWith("/deployments", StringComparison.Ordinal));
        Assert.Equal("0", list["resourceVersion"]);
    }

    [Fact]
    public async Task AListsPagesAreDeliveredAsTheyArriveAndSyncedOnceTheLastIsIn()
    {
        await using var host = await KubeTestHost.StartAsync();
        foreach (var name in new[] { "a", "b", "c" })
        {
            host.Server.Upsert(KubeTestHost.Deployment(name));
        }

        var type = await host.TypeAsync("Deployment");
        await using var informers = new SharedInformers(host.Api, new InformerOptions { ListPageSize = 2, FirstListFromCache = false, InitialBackoff = TimeSpan.FromMilliseconds(20), MaxBackoff = TimeSpan.FromMilliseconds(50) });
        host.Server.InjectFailures(r => r["continue"] is not null, 503, int.MaxValue); // the second page does not come
        var log = new EventLog();
        using var sub = informers.Subscribe(type, "media", null, log.Add);

        await Eventually.WaitAsync(() => log.Events.Count == 2, "the first page's objects while the second is refused");
        Assert.Equal(["a", "b"], log.Events.Select(e => e.Name));
        var late = new EventLog();
        using var lateSub = informers.Subscribe(type, "media", null, late.Add);
        await Eventually.WaitAsync(() => late.Events.Count == 2, "a subscriber that joins mid-list gets the pages in so far");

        host.Server.ClearFailures();
        await Eventually.WaitAsync(() => log.Has(e => e.Type == ObjectEventType.Synced) && late.Has(e => e.Type == ObjectEventType.Synced), "the whole list");
        Assert.Equal(["a", "b", "c", null], log.Events.Select(e => e.Name));
        Assert.Equal(["a", "b", "c", null], late.Events.Select(e => e.Name));
        log.AssertNoDuplicates();
    }

    [Fact]
    public async Task BookmarksAdvanceTheResumePoint()
    {
        await using var host = await KubeTestHost.StartAsync();
        host.Server.Upsert(KubeTestHost.Deployment("a", 1));
        var type = await host.TypeAsync("Deployment");
        var log = new EventLog();
        using var sub = host.Informers.Subscribe(type, "media", "a", log.Add);
        await Eventually.WaitAsync(() => log.Events.Count == 1 && host.Server.OpenWatchCount == 1, "watching");

        host.Server.Upsert("""{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"other","namespace":"media"}}""");
        var rv = host.Server.Store.CurrentResourceVersion.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var step = 0;
        await Eventually.WaitAsync(() =>
        {
            if (host.Server.Requests.Any(r => r.IsWatch && r["resourceVersion"] == rv))
            {
                return true;
            }

            // a bookmark, then (100 ms later) a cut stream: the reconnect must start from the bookmark's RV
            switch (step++ % 20)
            {
                case 0:
                    host.Server.SendBookmarks();
                    break;
                case 10:
                    host.Server.CutWatches();
                    break;
            }

            return false;
        }, () => "resumed from the bookmark (" + rv + ": " + string.Join(",", host.Server.Requests.Where(r => r.IsWatch).Select(r => r["resourceVersion"])) + " open " + host.Server.OpenWatchCount + " " + host.Informers.Status[0] + ")");
        Assert.Single(log.Events);
    }

    [Fact]
    public async Task ForbiddenWatchesReportTheReasonAndKeepRetrying()
    {
        await using var host = await KubeTestHost.StartAsync();
        var type = await host.TypeAsync("Job");
        host.Server.Forbid("jobs", "list");
        var log = new EventLog();
        using var sub = host.Informers.Subscribe(type, "media", "j", log.Add);
        await Eventually.WaitAsync(() => sub.LastError != null, "forbidden reported");
        Assert.Contains("cannot list resource \"jobs\" in API group \"batch\"", sub.LastError, StringComparison.Ordinal);
        Assert.Empty(log.Events);

        host.Server.Allow("jobs", "list");
        await Eventually.WaitAsync(() => log.Has(e => e.Type == ObjectEventType.Absent), "recovered");
    }
}
