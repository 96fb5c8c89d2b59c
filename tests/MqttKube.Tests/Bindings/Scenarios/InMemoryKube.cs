using System.Globalization;
using System.Text.Json.Nodes;
using MqttKube.Bindings.Ports;
using MqttKube.FakeKube;
using MqttKube.Kubernetes;
using LabelSelector = MqttKube.FakeKube.LabelSelector;

namespace MqttKube.Tests.Bindings.Scenarios;

/// <summary>
/// The Kubernetes port in memory: a store of objects (uids <c>uid-1</c>, <c>uid-2</c>, ...; resourceVersions 1, 2,
/// ... across the store), the built-in kinds of the fake API server plus those a case serves, watches that get every
/// change at once (their first list at once too, or when told), and answers a case scripts (<see cref="Script"/>).
/// Every request but watches is recorded as the REST call it stands for.
/// </summary>
internal sealed partial class InMemoryKube : IKubePort
{
    private readonly Lock gate = new();
    private readonly FakeResourceCatalog catalog = new();
    private readonly Dictionary<(string Storage, string Ns, string Name), JsonObject> objects = [];
    private readonly List<WatchEntry> watches = [];
    private readonly List<Request> requests = [];
    private readonly Dictionary<string, List<ScriptedAnswer>> answers = new(StringComparer.OrdinalIgnoreCase);
    private List<(IObjectObserver, ObjectEvent)>? heldEvents;
    private long version;
    private int uids;

    /// <summary>The clock <c>metadata.creationTimestamp</c> is read from (whole seconds, as the API server writes it).</summary>
    public TimeProvider Clock { get; set; } = TimeProvider.System;

    /// <summary>Watches get their first list only at <see cref="DeliverLists"/>.</summary>
    public bool HoldLists { get; set; }

    /// <summary>The requests since the last <see cref="TakeRequests"/>.</summary>
    public List<Request> TakeRequests()
    {
        lock (gate)
        {
            var taken = requests.ToList();
            requests.Clear();
            return taken;
        }
    }

    public void Serve(FakeResource resource) => catalog.Add(resource with { BuiltIn = false });

    /// <summary>The next <paramref name="times"/> (-1: every) requests of <paramref name="verb"/> get <paramref name="answer"/>.</summary>
    public void Script(string verb, string answer, string? reason, int times)
    {
        lock (gate)
        {
            if (!answers.TryGetValue(verb, out var list))
            {
                answers[verb] = list = [];
            }

            list.Add(new ScriptedAnswer(answer, reason, times));
        }
    }

    public Task<ResourceType> ResolveAsync(string resource, string? apiVersion, CancellationToken cancellationToken)
    {
        if (TakeAnswer("resolve") is { } answer)
        {
            throw Failure(answer, "discovery");
        }

        var types = catalog.All.Select(TypeOf).ToList();
        return ApiDiscovery.Match(types, resource, apiVersion) is { } type
            ? Task.FromResult(type)
            : throw new KubeApiException(404, "UnknownResource", $"the API server has no resource type \"{resource}\"{(apiVersion is null ? "" : $" in {apiVersion}")}");
    }

    public Task<JsonObject?> GetAsync(ResourceType type, string? ns, string name, CancellationToken cancellationToken)
    {
        Record("GET", type.ObjectPath(ns, name));
        if (TakeAnswer("get") is { } answer)
        {
            throw Failure(answer, name);
        }

        lock (gate)
        {
            return Task.FromResult(objects.GetValueOrDefault(Key(type, ns, name))?.DeepClone().AsObject());
        }
    }

    public Task<IReadOnlyList<JsonObject>> ListAsync(ResourceType type, string? ns, string? labelSelector, CancellationToken cancellationToken)
    {
        Record("LIST", type.CollectionPath(ns) + (labelSelector is null ? "" : "?labelSelector=" + labelSelector));
        if (TakeAnswer("list") is { } answer)
        {
            throw Failure(answer, type.Plural);
        }

        var selector = LabelSelector.Parse(labelSelector);
        lock (gate)
        {
            IReadOnlyList<JsonObject> items = [.. objects.Where(o => InScope(o.Key, type, ns) && selector.Matches(o.Value)).OrderBy(o => o.Key.Name, StringComparer.Ordinal).Select(o => o.Value.DeepClone().AsObject())];
            return Task.FromResult(items);
        }
    }

    public Task<JsonObject> CreateAsync(ResourceType type, string? ns, JsonObject obj, CancellationToken cancellationToken)
    {
        Record("POST", type.CollectionPath(ns), obj.DeepClone());
        if (TakeAnswer("create") is { } answer)
        {
            throw Failure(answer, (string?)obj["metadata"]?["name"] ?? "?");
        }

        var created = obj.DeepClone().AsObject();
        var metadata = (JsonObject)(created["metadata"] ??= new JsonObject());
        metadata.Remove("creationTimestamp"); // the API server's to set, as uid and resourceVersion
        metadata["name"] ??= (string?)metadata["generateName"] + uids.ToString("x5", CultureInfo.InvariantCulture);
        if (type.Namespaced)
        {
            metadata["namespace"] = ns;
        }

        var name = (string)metadata["name"]!;
        if (catalog.FindByKind((string?)created["apiVersion"] ?? "", (string?)created["kind"] ?? "") is { HasStatus: true })
        {
            created["status"] = new JsonObject(); // as kube-apiserver: a create sets no status, and the empty one is served as {}
        }

        lock (gate)
        {
            if (objects.ContainsKey(Key(type, ns, name)))
            {
                throw new KubeApiException(409, "AlreadyExists", $"{type.QualifiedPlural} \"{name}\" already exists");
            }
        }

        return Task.FromResult(Add(created));
    }

    public Task<PatchResult> PatchAsync(ResourceType type, string? ns, string name, IReadOnlyList<JsonNode> operations, CancellationToken cancellationToken)
    {
        var ops = new JsonArray([.. operations.Select(o => o.DeepClone())]);
        Record("PATCH", type.ObjectPath(ns, name), ops);
        var answer = TakeAnswer("patch");
        var key = Key(type, ns, name);
        switch (answer?.Answer)
        {
            case null:
                break;
            case "conflict":
                // Someone else wrote the object between our read and our write.
                Change(key, o => o);
                return Task.FromResult(new PatchResult(PatchStatus.Conflict));
            case "not-found":
                // Someone else deleted it meanwhile.
                Remove(key);
                return Task.FromResult(new PatchResult(PatchStatus.NotFound));
            case "invalid":
                return Task.FromResult(new PatchResult(PatchStatus.Invalid, Reason: answer.Reason ?? "Invalid value"));
            default:
                throw Failure(answer, name);
        }

        lock (gate)
        {
            if (!objects.ContainsKey(key))
            {
                return Task.FromResult(new PatchResult(PatchStatus.NotFound));
            }
        }

        try
        {
            var patched = Change(key, o => JsonPatch.Apply(o, ops).AsObject());
            return Task.FromResult(new PatchResult(PatchStatus.Patched, patched));
        }
        catch (JsonPatchException e)
        {
            // The real API server answers a failed test (of the resourceVersion) with 422 as well.
            return Task.FromResult(new PatchResult(PatchStatus.Invalid, Reason: e.Message));
        }
    }

    public Task<bool> DeleteAsync(ResourceType type, string? ns, string name, DeletePropagation propagation, string? uid, CancellationToken cancellationToken)
    {
        Record("DELETE", $"{type.ObjectPath(ns, name)}?propagationPolicy={propagation}{(uid is null ? "" : "&uid=" + uid)}");
        if (TakeAnswer("delete") is { } answer)
        {
            throw Failure(answer, name);
        }

        var key = Key(type, ns, name);
        lock (gate)
        {
            if (!objects.TryGetValue(key, out var existing))
            {
                return Task.FromResult(false);
            }

            if (uid is not null && (string?)existing["metadata"]?["uid"] != uid)
            {
                throw new KubeApiException(409, "Conflict", $"Precondition failed: UID in precondition: {uid}, UID in object meta: {existing["metadata"]?["uid"]}");
            }
        }

        Remove(key);
        return Task.FromResult(true);
    }

    /// <summary>Deletions take effect at once here: nothing to wait for.</summary>
    public Task WaitUntilGoneAsync(ResourceType type, string? ns, string name, string? uid, TimeSpan timeout, CancellationToken cancellationToken) => Task.CompletedTask;

    private static ResourceType TypeOf(FakeResource r) => new(r.Group, r.Version, r.Kind, r.Plural, r.Namespaced, FakeResource.Verbs, r.ShortNames);

    private static (string, string, string) Key(ResourceType type, string? ns, string name) =>
        ($"{type.Group}/{type.Plural}", type.Namespaced ? ns ?? "" : "", name);

    private static bool InScope((string Storage, string Ns, string Name) key, ResourceType type, string? ns) =>
        key.Storage == $"{type.Group}/{type.Plural}" && (ns is null || !type.Namespaced || key.Ns == ns);

    private void Record(string verb, string path, JsonNode? body = null)
    {
        lock (gate)
        {
            requests.Add(new Request(verb, path, body));
        }
    }

    private ScriptedAnswer? TakeAnswer(string verb)
    {
        lock (gate)
        {
            if (!answers.TryGetValue(verb, out var list) || list.Count == 0)
            {
                return null;
            }

            var answer = list[0];
            if (answer.Times > 0 && --answer.Times == 0)
            {
                list.RemoveAt(0);
            }

            return answer;
        }
    }

    private static KubeApiException Failure(ScriptedAnswer answer, string name) => answer.Answer switch
    {
        "conflict" => new KubeApiException(409, "Conflict", $"Operation cannot be fulfilled on \"{name}\": the object has been modified"),
        "already-exists" => new KubeApiException(409, "AlreadyExists", $"\"{name}\" already exists"),
        "not-found" => new KubeApiException(404, "NotFound", $"\"{name}\" not found"),
        "forbidden" => new KubeApiException(403, "Forbidden", answer.Reason ?? $"forbidden: \"{name}\""),
        _ when int.TryParse(answer.Answer, out var code) => new KubeApiException(code, "Status" + code, answer.Reason ?? $"HTTP {code}"),
        _ => throw new InvalidOperationException($"unknown scripted answer '{answer.Answer}' (conflict, already-exists, not-found, invalid, forbidden or an HTTP status code)"),
    };

    /// <summary>One request as the REST call it stands for; <see cref="Body"/> is the JSON Patch or the created object.</summary>
    internal sealed record Request(string Verb, string Path, JsonNode? Body);

    private sealed class ScriptedAnswer(string answer, string? reason, int times)
    {
        public string Answer { get; } = answer;

        public string? Reason { get; } = reason;

        public int Times { get; set; } = times;
    }
}
