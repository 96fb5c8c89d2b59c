using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging.Abstractions;
using MqttKube.Bindings;
using MqttKube.Bindings.Inbound;
using MqttKube.Bindings.Plan;
using MqttKube.Kubernetes;
using MqttKube.Tests.Kubernetes;

namespace MqttKube.Tests.Bindings;

/// <summary>The guarded write of SPEC 3.3 through the REST adapter, against the fake API server: the requests it sends.</summary>
public sealed class GuardedPatchTests
{
    private static PatchPlan SetReplicas(JsonObject current, int replicas) =>
        (int?)current["spec"]?["replicas"] == replicas
            ? new PatchPlan([])
            : new PatchPlan([new JsonObject { ["op"] = "replace", ["path"] = "/spec/replicas", ["value"] = replicas }]);

    private static BindingServices Services(KubeTestHost host) =>
        new(null!, host.Port, NullLoggerFactory.Instance, new MqttKube.Http.Metrics(), "default", TimeProvider.System);

    private static Task<PatchWrite> WriteAsync(KubeTestHost host, ResourceType type, Func<JsonObject, PatchPlan> plan, JsonObject? cached = null, BindingServices? services = null) =>
        GuardedPatch.WriteAsync(services ?? Services(host), type, "media", "jellyfin", plan, cached, CancellationToken.None);

    [Fact]
    public async Task PatchIsOneGuardedJsonPatchNamingTheFieldManager()
    {
        await using var host = await KubeTestHost.StartAsync();
        host.Server.Upsert(KubeTestHost.Deployment("jellyfin", 1));
        var rv = (string?)host.Server.Get("apps/v1", "Deployment", "media", "jellyfin")!["metadata"]!["resourceVersion"];
        var type = await host.TypeAsync("deploy");
        host.Server.ClearRequests();

        var result = await WriteAsync(host, type, o => SetReplicas(o, 0));

        Assert.Equal(PatchWriteOutcome.Patched, result.Outcome);
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

        var result = await WriteAsync(host, type, o => SetReplicas(o, 3), cached);

        Assert.Equal(PatchWriteOutcome.Patched, result.Outcome);
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
        var result = await WriteAsync(host, type, o => SetReplicas(o, 1), stale);
        Assert.Equal(PatchWriteOutcome.Patched, result.Outcome);
        Assert.Equal(1, (int?)host.Server.Get("apps/v1", "Deployment", "media", "jellyfin")!["spec"]!["replicas"]);

        // The copy is stale and a write is needed: the guarded patch fails, the object is re-read, the write lands.
        stale = host.Server.Get("apps/v1", "Deployment", "media", "jellyfin")!;
        host.Server.Modify("apps/v1", "Deployment", "media", "jellyfin", o => o["metadata"]!["labels"]!["other"] = "change");
        result = await WriteAsync(host, type, o => SetReplicas(o, 5), stale);
        Assert.Equal(PatchWriteOutcome.Patched, result.Outcome);
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

        var result = await WriteAsync(host, type, o => SetReplicas(o, 1));

        Assert.Equal(PatchWriteOutcome.Unchanged, result.Outcome);
        Assert.DoesNotContain(host.Server.Requests, r => r.Method == "PATCH");
    }

    [Fact]
    public async Task AConcurrentChangeIsRetriedWithoutLosingIt()
    {
        await using var host = await KubeTestHost.StartAsync();
        host.Server.Upsert(KubeTestHost.Deployment("jellyfin", 1));
        var type = await host.TypeAsync("Deployment");
        var plans = 0;

        var result = await WriteAsync(host, type, current =>
        {
            if (++plans == 1)
            {
                // someone else writes between our read and our patch
                host.Server.Modify("apps/v1", "Deployment", "media", "jellyfin", o => o["metadata"]!["labels"]!["tier"] = "gold");
            }

            return SetReplicas(current, 3);
        });

        // Two writes, each planned (and the landed one planned again on the answer: the value is kept).
        Assert.Equal((PatchWriteOutcome.Patched, 2, 3, 1), (result.Outcome, result.Attempts, plans, result.Conflicts));
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
        var services = Services(host) with { ConflictMinDelay = TimeSpan.FromMilliseconds(1), ConflictMaxDelay = TimeSpan.FromMilliseconds(4) };
        var plans = 0;

        var result = await WriteAsync(host, type, current =>
        {
            if (++plans <= 12)
            {
                host.Server.Modify("apps/v1", "Deployment", "media", "jellyfin", o => o["metadata"]!["labels"]!["n"] = plans.ToString(CultureInfo.InvariantCulture));
            }

            return SetReplicas(current, 3);
        }, services: services);

        Assert.Equal((PatchWriteOutcome.Patched, 13, 12), (result.Outcome, result.Attempts, result.Conflicts));
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
        host.Server.InjectFailures(r => r.Method == "PATCH", 409, count: 3);
        host.Server.ClearRequests();

        var result = await WriteAsync(host, type, o => SetReplicas(o, 2), services: Services(host) with { ConflictMinDelay = TimeSpan.FromMilliseconds(1) });

        Assert.Equal((PatchWriteOutcome.Patched, 3), (result.Outcome, result.Conflicts));
        Assert.Equal(["GET", "PATCH", "GET", "PATCH", "GET", "PATCH", "GET", "PATCH"], host.Server.Requests.Select(r => r.Method));
    }

    [Fact]
    public async Task AnObjectThatNeverStopsChangingEndsTheRetriesAtTheTimeout()
    {
        await using var host = await KubeTestHost.StartAsync();
        host.Server.Upsert(KubeTestHost.Deployment("jellyfin", 1));
        var type = await host.TypeAsync("Deployment");
        var services = Services(host) with { ConflictTimeout = TimeSpan.FromMilliseconds(300), ConflictMinDelay = TimeSpan.FromMilliseconds(1), ConflictMaxDelay = TimeSpan.FromMilliseconds(20) };
        var plans = 0;

        var result = await WriteAsync(host, type, current =>
        {
            host.Server.Modify("apps/v1", "Deployment", "media", "jellyfin", o => o["metadata"]!["labels"]!["n"] = (++plans).ToString(CultureInfo.InvariantCulture));
            return SetReplicas(current, 3);
        }, services: services);

        Assert.Equal(PatchWriteOutcome.GaveUp, result.Outcome);
        Assert.Equal(plans, result.Conflicts);
        Assert.Equal(1, (int?)host.Server.Get("apps/v1", "Deployment", "media", "jellyfin")!["spec"]!["replicas"]);
    }

    [Fact]
    public async Task AnInvalidPatchIsNotRetriedAndSaysWhy()
    {
        await using var host = await KubeTestHost.StartAsync();
        host.Server.Upsert(KubeTestHost.Deployment("jellyfin", 1));
        var type = await host.TypeAsync("Deployment");

        var result = await WriteAsync(host, type, _ => new PatchPlan([new JsonObject { ["op"] = "replace", ["path"] = "/spec/missing/deep", ["value"] = 1 }]));

        Assert.Equal(PatchWriteOutcome.Refused, result.Outcome);
        Assert.False(string.IsNullOrEmpty(result.Problem));
        Assert.Single(host.Server.Requests, r => r.Method == "PATCH");
    }

    [Fact]
    public async Task AMissingObjectIsReportedNotCreated()
    {
        await using var host = await KubeTestHost.StartAsync();
        var type = await host.TypeAsync("Deployment");

        var result = await GuardedPatch.WriteAsync(Services(host), type, "media", "ghost", o => SetReplicas(o, 1), null, CancellationToken.None);

        Assert.Equal(PatchWriteOutcome.NotFound, result.Outcome);
        Assert.Null(await host.Objects.GetAsync(type, "media", "ghost", CancellationToken.None));
    }

    [Fact]
    public async Task ErrorsCarryTheServerReasonAndMessage()
    {
        await using var host = await KubeTestHost.StartAsync();
        host.Server.Upsert(KubeTestHost.Deployment("jellyfin", 1));
        var type = await host.TypeAsync("Deployment");
        host.Server.Forbid("deployments", "patch");

        var e = await Assert.ThrowsAsync<KubeApiException>(() => WriteAsync(host, type, o => SetReplicas(o, 0)));
        Assert.True(e.IsForbidden);
        Assert.Equal("Forbidden", e.Reason);
        Assert.Equal("deployments.apps \"jellyfin\" is forbidden: User \"system:serviceaccount:mqtt-kube:mqtt-kube\" cannot patch resource \"deployments\" in API group \"apps\" in the namespace \"media\"", e.Message);
    }
}
