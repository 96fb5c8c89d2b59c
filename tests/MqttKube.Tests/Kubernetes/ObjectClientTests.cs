using System.Text.Json.Nodes;
using MqttKube.Bindings.Ports;
using MqttKube.Kubernetes;
using MqttKube.Tests.Support.Mosquitto;

namespace MqttKube.Tests.Kubernetes;

public sealed class ObjectClientTests
{
    [Fact]
    public async Task A_patch_is_one_request_and_its_answers_are_told_apart()
    {
        await using var host = await KubeTestHost.StartAsync();
        host.Server.Upsert(KubeTestHost.Deployment("jellyfin", 1));
        var type = await host.TypeAsync("Deployment");
        JsonNode[] Replicas(int n) => [new JsonObject { ["op"] = "replace", ["path"] = "/spec/replicas", ["value"] = n }];
        host.Server.ClearRequests();

        var patched = await host.Objects.PatchAsync(type, "media", "jellyfin", Replicas(2), CancellationToken.None);
        var stale = await host.Objects.PatchAsync(type, "media", "jellyfin", [new JsonObject { ["op"] = "test", ["path"] = "/metadata/resourceVersion", ["value"] = "1" }, .. Replicas(3)], CancellationToken.None);
        var missing = await host.Objects.PatchAsync(type, "media", "ghost", Replicas(3), CancellationToken.None);
        host.Server.InjectFailures(r => r.Method == "PATCH", 409, count: 1);
        var conflict = await host.Objects.PatchAsync(type, "media", "jellyfin", Replicas(4), CancellationToken.None);

        Assert.Equal((PatchStatus.Patched, 2), (patched.Status, (int?)patched.Object!["spec"]!["replicas"]));
        Assert.Equal(PatchStatus.Invalid, stale.Status);
        Assert.Equal(PatchStatus.NotFound, missing.Status);
        Assert.Equal(PatchStatus.Conflict, conflict.Status);
        Assert.Equal(4, host.Server.Requests.Count(r => r.Method == "PATCH"));
        Assert.Equal(4, host.Server.Requests.Count);
    }

    [Fact]
    public async Task CreateNamesTheFieldManagerAndReportsAlreadyExists()
    {
        await using var host = await KubeTestHost.StartAsync();
        host.Server.Upsert("""{"apiVersion":"v1","kind":"Namespace","metadata":{"name":"jobs"}}""");
        var type = await host.TypeAsync("job");
        var job = JsonNode.Parse("""{"apiVersion":"batch/v1","kind":"Job","metadata":{"name":"run-1"},"spec":{"template":{}}}""")!.AsObject();

        var created = await host.Objects.CreateAsync(type, "jobs", job, CancellationToken.None);
        Assert.Equal("jobs", (string?)created["metadata"]!["namespace"]);
        Assert.Equal("mqtt-kube", Assert.Single(host.Server.Requests, r => r.Method == "POST")["fieldManager"]);

        var e = await Assert.ThrowsAsync<KubeApiException>(() => host.Objects.CreateAsync(type, "jobs", job, CancellationToken.None));
        Assert.True(e.IsAlreadyExists);
        Assert.Equal("jobs.batch \"run-1\" already exists", e.Message);

        var missingNs = await Assert.ThrowsAsync<KubeApiException>(() => host.Objects.CreateAsync(type, "nowhere", job, CancellationToken.None));
        Assert.Equal("namespaces \"nowhere\" not found", missingNs.Message);
    }

    [Fact]
    public async Task ForegroundDeletionCanBeWaitedFor()
    {
        await using var host = await KubeTestHost.StartAsync();
        host.Server.Upsert(KubeTestHost.Deployment("old", 1));
        var type = await host.TypeAsync("Deployment");
        host.Server.HoldDeletions = true;

        Assert.True(await host.Objects.DeleteAsync(type, "media", "old", DeletePropagation.Foreground, null, CancellationToken.None));
        var delete = Assert.Single(host.Server.Requests, r => r.Method == "DELETE");
        Assert.Equal("Foreground", (string?)JsonNode.Parse(delete.Body)!["propagationPolicy"]);
        Assert.NotNull(host.Server.Get("apps/v1", "Deployment", "media", "old")!["metadata"]!["deletionTimestamp"]);

        var wait = host.Objects.WaitUntilGoneAsync(type, "media", "old", null, TimeSpan.FromSeconds(20), CancellationToken.None);
        await Eventually.WaitAsync(() => host.Server.Requests.Count(r => r.Method == "GET" && r.Path.EndsWith("/old", StringComparison.Ordinal)) >= 2, "polling");
        Assert.False(wait.IsCompleted);
        host.Server.HoldDeletions = false;
        host.Server.ReleaseDeletions();
        await wait;
        Assert.False(await host.Objects.DeleteAsync(type, "media", "old", DeletePropagation.Foreground, null, CancellationToken.None));
    }

    [Fact]
    public async Task ADeleteWithAUidNeverDeletesAnObjectThatTookTheNameSince()
    {
        await using var host = await KubeTestHost.StartAsync();
        host.Server.Upsert(KubeTestHost.Deployment("app", 1));
        var type = await host.TypeAsync("Deployment");
        var oldUid = (string?)host.Server.Get("apps/v1", "Deployment", "media", "app")!["metadata"]!["uid"];
        host.Server.Delete("apps/v1", "Deployment", "media", "app");
        host.Server.Upsert(KubeTestHost.Deployment("app", 2));

        var e = await Assert.ThrowsAsync<KubeApiException>(() => host.Objects.DeleteAsync(type, "media", "app", DeletePropagation.Foreground, oldUid, CancellationToken.None));

        Assert.True(e.IsConflict);
        Assert.Contains($"Precondition failed: UID in precondition: {oldUid}, UID in object meta: ", e.Message, StringComparison.Ordinal);
        Assert.NotNull(host.Server.Get("apps/v1", "Deployment", "media", "app"));
    }

    [Fact]
    public async Task ListFollowsContinueTokensAndAddsTypeMeta()
    {
        await using var host = await KubeTestHost.StartAsync();
        for (var i = 0; i < 7; i++)
        {
            host.Server.Upsert($$$$"""{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"cm-{{{{i}}}}","namespace":"media","labels":{"n":"{{{{i % 2}}}}"}}}""");
        }

        var type = await host.TypeAsync("cm");
        var all = await host.Objects.ListAsync(type, "media", null, CancellationToken.None);
        Assert.Equal(7, all.Count);
        Assert.All(all, o => Assert.Equal("ConfigMap", (string?)o["kind"]));
        Assert.Equal(3, (await host.Objects.ListAsync(type, "media", "n=1", CancellationToken.None)).Count);
    }
}
