using System.Text.Json;
using System.Text.Json.Nodes;

namespace MqttKube.FakeKube;

public sealed partial class FakeKubeServer
{
    private readonly List<RecordedRequest> requests = [];
    private readonly List<FailureRule> failures = [];
    private readonly HashSet<(string Plural, string Verb)> forbidden = [];
    private readonly CancellationTokenSource stopping = new();

    /// <summary>Added before every request is handled.</summary>
    public TimeSpan Latency { get; set; }

    /// <summary>Raised on the request's thread as each request is recorded (before it is handled).</summary>
    public event Action<RecordedRequest>? RequestRecorded;

    /// <summary>Every request received so far (discovery included), oldest first.</summary>
    public IReadOnlyList<RecordedRequest> Requests
    {
        get { lock (requests) { return [.. requests]; } }
    }

    public void ClearRequests()
    {
        lock (requests)
        {
            requests.Clear();
        }
    }

    /// <summary>The next <paramref name="count"/> requests matching <paramref name="predicate"/> fail with <paramref name="code"/> and a Status body.</summary>
    public void InjectFailures(Func<RecordedRequest, bool> predicate, int code, int count = 1)
    {
        lock (failures)
        {
            failures.Add(new FailureRule(predicate, code, count));
        }
    }

    /// <summary>Removes injected failures not yet used.</summary>
    public void ClearFailures()
    {
        lock (failures)
        {
            failures.Clear();
        }
    }

    private int? TakeInjectedFailure(RecordedRequest request)
    {
        lock (failures)
        {
            var rule = failures.FirstOrDefault(f => f.Remaining > 0 && f.Predicate(request));
            if (rule == null)
            {
                return null;
            }

            rule.Remaining--;
            return rule.Code;
        }
    }

    /// <summary>Answers 403 Forbidden to <paramref name="verb"/> (get, list, watch, create, update, patch, delete) on a plural.</summary>
    public void Forbid(string plural, string verb)
    {
        lock (forbidden)
        {
            forbidden.Add((plural, verb));
        }
    }

    public void Allow(string plural, string verb)
    {
        lock (forbidden)
        {
            forbidden.Remove((plural, verb));
        }
    }

    private void CheckForbidden(FakeTarget target, string verb)
    {
        lock (forbidden)
        {
            if (forbidden.Contains((target.Resource.Plural, verb)))
            {
                throw FakeStatus.Forbidden(target.Resource, verb, target.Name, target.Namespace, Options.User);
            }
        }
    }

    /// <summary>Breaks every open watch stream mid-flight (the connection is aborted).</summary>
    public void CutWatches()
    {
        foreach (var w in Store.Watchers)
        {
            w.Abort.Cancel();
        }
    }

    /// <summary>Ends every open watch stream cleanly (as the server's own timeout does).</summary>
    public void EndWatches()
    {
        foreach (var w in Store.Watchers)
        {
            w.EndGracefully = true;
            w.Abort.Cancel();
        }
    }

    /// <summary>Number of watch streams currently open.</summary>
    public int OpenWatchCount => Store.Watchers.Count;

    /// <summary>Sends a BOOKMARK now on every watch that asked for them.</summary>
    public void SendBookmarks()
    {
        foreach (var w in Store.Watchers)
        {
            Store.SendBookmark(w);
        }
    }

    /// <summary>Compacts history: reconnecting watches with an older RV get 410 Gone.</summary>
    public void ExpireHistory() => Store.ExpireHistory();

    /// <summary>A kubeconfig (YAML) for the fake API server at <paramref name="server"/>: plain HTTP, any bearer token.</summary>
    public static string Kubeconfig(string server) => $$$"""
        apiVersion: v1
        kind: Config
        clusters: [{name: fake, cluster: {server: "{{{server.TrimEnd('/')}}}"}}]
        users: [{name: u, user: {token: test}}]
        contexts: [{name: fake, context: {cluster: fake, user: u, namespace: default}}]
        current-context: fake
        """;

    /// <summary>Registers a custom resource (as installing a CRD would); it appears in discovery at once.</summary>
    public FakeResource RegisterCustomResource(string group, string version, string kind, string plural, bool namespaced, params string[] shortNames) =>
        RegisterCustomResource(group, version, kind, plural, namespaced, statusSubresource: false, shortNames);

    /// <summary>Registers a custom resource whose CRD may declare the status subresource (`subresources: {status: {}}`).</summary>
    public FakeResource RegisterCustomResource(string group, string version, string kind, string plural, bool namespaced, bool statusSubresource, params string[] shortNames)
    {
        var r = new FakeResource(group, version, kind, plural, namespaced, shortNames, HasStatus: statusSubresource) { BuiltIn = false };
        Catalog.Add(r);
        return r;
    }

    /// <summary>The resource type of an apiVersion/kind pair (e.g. "apps/v1", "Deployment").</summary>
    public FakeResource Resource(string apiVersion, string kind) =>
        Catalog.FindByKind(apiVersion, kind) ?? throw new ArgumentException($"unknown kind {apiVersion} {kind}");

    /// <summary>Creates or replaces an object whole, status included, as someone else would (a controller, kubectl).</summary>
    public JsonObject Upsert(JsonObject obj) =>
        Store.Upsert(Resource((string?)obj["apiVersion"] ?? "", (string?)obj["kind"] ?? ""), obj);

    /// <summary>Parses JSON and upserts it.</summary>
    public JsonObject Upsert(string json) => Upsert(JsonNode.Parse(json, documentOptions: new JsonDocumentOptions { MaxDepth = SeedMaxDepth })!.AsObject());

    /// <summary>Changes an existing object as someone else would (status included); returns the stored result.</summary>
    public JsonObject Modify(string apiVersion, string kind, string? ns, string name, Action<JsonObject> change)
    {
        var r = Resource(apiVersion, kind);
        var obj = Store.Get(r, r.Namespaced ? ns : null, name);
        change(obj);
        return Store.Upsert(r, obj);
    }

    /// <summary>The stored object, or null.</summary>
    public JsonObject? Get(string apiVersion, string kind, string? ns, string name)
    {
        var r = Resource(apiVersion, kind);
        return Store.TryGet(r, r.Namespaced ? ns : null, name);
    }

    /// <summary>Deletes as someone else would (background propagation); false when it did not exist.</summary>
    public bool Delete(string apiVersion, string kind, string? ns, string name)
    {
        var r = Resource(apiVersion, kind);
        try
        {
            Store.Delete(r, r.Namespaced ? ns : null, name);
            return true;
        }
        catch (FakeApiException e) when (e.Code == 404)
        {
            return false;
        }
    }

    /// <summary>Deletions wait (the object keeps a deletionTimestamp) until <see cref="ReleaseDeletions"/>.</summary>
    public bool HoldDeletions
    {
        get => Store.HoldDeletions;
        set => Store.HoldDeletions = value;
    }

    public void ReleaseDeletions() => Store.ReleaseDeletions();
}
