using MqttKube.Tests.Support.Mosquitto;
using System.Text.Json.Nodes;
using MqttKube.Kubernetes;

namespace MqttKube.Tests.Kubernetes;

public sealed class ObjectClientTests
{
    private static IReadOnlyList<JsonNode>? SetReplicas(JsonObject current, int replicas) =>
        (int?)current["spec"]?["replicas"] == replicas
            ? null
            : [new JsonObject { ["op"] = "replace", ["path"] = "/spec/replicas", ["value"] = replicas }];

    [Fact]
    public async Task PatchIsOneGuardedJsonPatchNamingTheFieldManager()
    {
        await using var host = await KubeTestHost.StartAsync();
        host.Server.Upsert(KubeTestHost.Deployment("jellyfin", 1));
        var rv = (string?)host.Server.Get("apps/v1", "Deployment", "media", "jellyfin")!["metadata"]!["resourceVersion"];
        var type = await host.TypeAsync("deploy");
        host.Server.ClearRequests();

        var result = await host.Objects.JsonPatchAsync(type, "media", "jellyfin", o => SetReplicas(o, 0), CancellationToken.None);

        Assert.Equal(PatchOutcome.Patched, result.Outcome);
        Assert.Equal(0, (int?)result.Object!["spec"]!["replicas"]);
        Assert.Equal(0, (int?)host.Server.Get("apps/v1", "Deployment", "media", "jellyfin")!["spec"]!["replicas"]);
        var patch = Assert.Single(host.Server.Requests, r => r.Method == "PATCH");
        Assert.Equal("/apis/apps/v1/namespaces/media/deployments/jellyfin", patch.Path);
        Assert.Equal("mqtt-kube", patch["fieldManager"]);
        Assert.StartsWith("application/json-patch+json", patch.ContentType, StringComparison.Ordinal);
        var ops = JsonNode.Parse(patch.Body)!.AsArray();
        Assert.Equal($$"""{"op":"test","path":"/metadata/resourceVersion","value":"{{rv}}"}""", ops[0]!.ToJsonString());
        Assert.Equal(2, ops.Count);
    }

    [Fact]
    public async Task AFreshCachedCopySavesTheRead()
    {
        await using var host = await KubeTestHost.StartAsync();
        host.Server.Upsert(KubeTestHost.Deployment("jellyfin", 1));
        var type = await host.TypeAsync("Deployment");
        var cached = host.Server.Get("apps/v1", "Deployment", "media", "jellyfin")!;
        host.Server.ClearRequests();

        var result = await host.Objects.JsonPatchAsync(type, "media", "jellyfin", o => SetReplicas(o, 3), cached, CancellationToken.None);

        Assert.Equal(PatchOutcome.Patched, result.Outcome);
        Assert.Equal(["PATCH"], host.Server.Requests.Select(r => r.Method));
        Assert.Equal(3, (int?)host.Server.Get("apps/v1", "Deployment", "media", "jellyfin")!["spec"]!["replicas"]);
    }

    [Fact]
    public async Task AStaleCachedCopyIsReReadAndNeverDecidesThatNothingIsToBeDone()
    {
        await using var host = await KubeTestHost.StartAsync();
        host.Server.Upsert(KubeTestHost.Deployment("jellyfin", 1));
        var type = await host.TypeAsync("Deployment");
        var stale = host.Server.Get("apps/v1", "Deployment", "media", "jellyfin")!;

        // Someone else scales to 0 after the copy was taken: the copy says 1 already holds, but it must be written.
        host.Server.Modify("apps/v1", "Deployment", "media", "jellyfin", o => o["spec"]!["replicas"] = 0);
        var result = await host.Objects.JsonPatchAsync(type, "media", "jellyfin", o => SetReplicas(o, 1), stale, CancellationToken.None);
        Assert.Equal(PatchOutcome.Patched, result.Outcome);
        Assert.Equal(1, (int?)host.Server.Get("apps/v1", "Deployment", "media", "jellyfin")!["spec"]!["replicas"]);

        // The copy is stale and a write is needed: the guarded patch fails, the object is re-read, the write lands.
        stale = host.Server.Get("apps/v1", "Deployment", "media", "jellyfin")!;
        host.Server.Modify("apps/v1", "Deployment", "media", "jellyfin", o => o["metadata"]!["labels"]!["other"] = "change");
        result = await host.Objects.JsonPatchAsync(type, "media", "jellyfin", o => SetReplicas(o, 5), stale, CancellationToken.None);
        Assert.Equal(PatchOutcome.Patched, result.Outcome);
        var now = host.Server.Get("apps/v1", "Deployment", "media", "jellyfin")!;
        Assert.Equal(5, (int?)now["spec"]!["replicas"]);
        Assert.Equal("change", (string?)now["metadata"]!["labels"]!["other"]);
    }

    [Fact]
    public async Task AValueThatAlreadyHoldsIsNotSent()
    {
        await using var host = await KubeTestHost.StartAsync();
        host.Server.Upsert(KubeTestHost.Deployment("jellyfin", 1));
        var type = await host.TypeAsync("Deployment");
        host.Server.ClearRequests();

        var result = await host.Objects.JsonPatchAsync(type, "media", "jellyfin", o => SetReplicas(o, 1), CancellationToken.None);

        Assert.Equal(PatchOutcome.Unchanged, result.Outcome);
        Assert.DoesNotContain(host.Server.Requests, r => r.Method == "PATCH");
    }

    [Fact]
    public async Task AConcurrentChangeIsRetriedWithoutLosingIt()
    {
        await using var host = await KubeTestHost.StartAsync();
        host.Server.Upsert(KubeTestHost.Deployment("jellyfin", 1));
        var type = await host.TypeAsync("Deployment");
        var plans = 0;

        var result = await host.Objects.JsonPatchAsync(type, "media", "jellyfin", current =>
        {
            if (++plans == 1)
            {
                // someone else writes between our read and our patch
                host.Server.Modify("apps/v1", "Deployment", "media", "jellyfin", o => o["metadata"]!["labels"]!["tier"] = "gold");
            }

            return SetReplicas(current, 3);
        }, CancellationToken.None);

        Assert.Equal((PatchOutcome.Patched, 2, 2, 1), (result.Outcome, result.Attempts, plans, result.Conflicts));
        var stored = host.Server.Get("apps/v1", "Deployment", "media", "jellyfin")!;
        Assert.Equal(3, (int?)stored["spec"]!["replicas"]);
        Assert.Equal("gold", (string?)stored["metadata"]!["labels"]!["tier"]);
        Assert.Equal(2, host.Server.Requests.Count(r => r.Method == "PATCH"));
    }

    [Fact]
    public async Task AnObjectThatKeepsChangingIsRetriedUntilThePatchLands()
    {
        await using var host = await KubeTestHost.StartAsync();
        host.Server.Upsert(KubeTestHost.Deployment("jellyfin", 1));
        var type = await host.TypeAsync("Deployment");
        var objects = new ObjectClient(host.Api) { ConflictMinDelay = TimeSpan.FromMilliseconds(1), ConflictMaxDelay = TimeSpan.FromMilliseconds(4) };
        var plans = 0;

        var result = await objects.JsonPatchAsync(type, "media", "jellyfin", current =>
        {
            if (++plans <= 12)
            {
                host.Server.Modify("apps/v1", "Deployment", "media", "jellyfin", o => o["metadata"]!["labels"]!["n"] = plans.ToString(System.Globalization.CultureInfo.InvariantCulture));
            }

            return SetReplicas(current, 3);
        }, CancellationToken.None);

        Assert.Equal((PatchOutcome.Patched, 13, 12), (result.Outcome, result.Attempts, result.Conflicts));
        var stored = host.Server.Get("apps/v1", "Deployment", "media", "jellyfin")!;
        Assert.Equal(3, (int?)stored["spec"]!["replicas"]);
        Assert.Equal("12", (string?)stored["metadata"]!["labels"]!["n"]);
    }

    [Fact]
    public async Task A409ConflictIsRetriedWithAFreshRead()
    {
        await using var host = await KubeTestHost.StartAsync();
        host.Server.Upsert(KubeTestHost.Deployment("jellyfin", 1));
        var type = await host.TypeAsync("Deployment");
        var objects = new ObjectClient(host.Api) { ConflictMinDelay = TimeSpan.FromMilliseconds(1) };
        host.Server.InjectFailures(r => r.Method == "PATCH", 409, count: 3);
        host.Server.ClearRequests();

        var result = await objects.JsonPatchAsync(type, "media", "jellyfin", o => SetReplicas(o, 2), CancellationToken.None);

        Assert.Equal((PatchOutcome.Patched, 3), (result.Outcome, result.Conflicts));
        Assert.Equal(["GET", "PATCH", "GET", "PATCH", "GET", "PATCH", "GET", "PATCH"], host.Server.Requests.Select(r => r.Method));
    }

    [Fact]
    public async Task AnObjectThatNeverStopsChangingEndsTheRetriesAtTheTimeout()
    {
        await using var host = await KubeTestHost.StartAsync();
        host.Server.Upsert(KubeTestHost.Deployment("jellyfin", 1));
        var type = await host.TypeAsync("Deployment");
        var objects = new ObjectClient(host.Api) { ConflictTimeout = TimeSpan.FromMilliseconds(300), ConflictMinDelay = TimeSpan.FromMilliseconds(1), ConflictMaxDelay = TimeSpan.FromMilliseconds(20) };
        var plans = 0;

        var result = await objects.JsonPatchAsync(type, "media", "jellyfin", current =>
        {
            host.Server.Modify("apps/v1", "Deployment", "media", "jellyfin", o => o["metadata"]!["labels"]!["n"] = (++plans).ToString(System.Globalization.CultureInfo.InvariantCulture));
            return SetReplicas(current, 3);
        }, CancellationToken.None);

        Assert.Equal(PatchOutcome.Conflict, result.Outcome);
        Assert.Equal(plans, result.Conflicts);
        Assert.Equal(1, (int?)host.Server.Get("apps/v1", "Deployment", "media", "jellyfin")!["spec"]!["replicas"]);
    }

    [Fact]
    public async Task AnInvalidPatchIsNotRetriedAndSaysWhy()
    {
        await using var host = await KubeTestHost.StartAsync();
        host.Server.Upsert(KubeTestHost.Deployment("jellyfin", 1));
        var type = await host.TypeAsync("Deployment");

        var e = await Assert.ThrowsAsync<KubeApiException>(() => host.Objects.JsonPatchAsync(type, "media", "jellyfin",
            _ => [new JsonObject { ["op"] = "replace", ["path"] = "/spec/missing/deep", ["value"] = 1 }], CancellationToken.None));

        Assert.Equal((422, "Invalid"), (e.Code, e.Reason));
        Assert.Single(host.Server.Requests, r => r.Method == "PATCH");
    }

    [Fact]
    public async Task AMissingObjectIsReportedNotCreated()
    {
        await using var host = await KubeTestHost.StartAsync();
        var type = await host.TypeAsync("Deployment");
        var result = await host.Objects.JsonPatchAsync(type, "media", "ghost", o => SetReplicas(o, 1), CancellationToken.None);
        Assert.Equal(PatchOutcome.NotFound, result.Outcome);
        Assert.Null(await host.Objects.GetAsync(type, "media", "ghost", CancellationToken.None));
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
    public async Task ErrorsCarryTheServerReasonAndMessage()
    {
        await using var host = await KubeTestHost.StartAsync();
        host.Server.Upsert(KubeTestHost.Deployment("jellyfin", 1));
        var type = await host.TypeAsync("Deployment");
        host.Server.Forbid("deployments", "patch");

        var e = await Assert.ThrowsAsync<KubeApiException>(() => host.Objects.JsonPatchAsync(type, "media", "jellyfin", o => SetReplicas(o, 0), CancellationToken.None));
        Assert.True(e.IsForbidden);
        Assert.Equal("Forbidden", e.Reason);
        Assert.Equal("deployments.apps \"jellyfin\" is forbidden: User \"system:serviceaccount:mqtt-kube:mqtt-kube\" cannot patch resource \"deployments\" in API group \"apps\" in the namespace \"media\"", e.Message);
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
