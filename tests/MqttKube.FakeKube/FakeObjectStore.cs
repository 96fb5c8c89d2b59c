using System.Globalization;
using System.Text.Json.Nodes;

namespace MqttKube.FakeKube;

/// <summary>
/// The object store: a single global resourceVersion counter (like etcd), a retained history of changes for watches,
/// and the real server's write semantics (system metadata, generation, status subresource, finalizers).
/// </summary>
public sealed partial class FakeObjectStore
{
    internal const string HoldFinalizer = "fake.kube/hold";
    private readonly Lock gate = new();
    private readonly Dictionary<string, JsonObject> objects = new(StringComparer.Ordinal);
    private readonly List<StoredEvent> history = [];
    private readonly FakeResourceCatalog catalog;
    private long rv = 100;
    private long compactedRv;

    internal FakeObjectStore(FakeResourceCatalog catalog)
    {
        this.catalog = catalog;
        var ns = this.catalog.Find("", "v1", "namespaces")!;
        foreach (var name in new[] { "default", "kube-system" })
        {
            Upsert(ns, new JsonObject { ["apiVersion"] = "v1", ["kind"] = "Namespace", ["metadata"] = new JsonObject { ["name"] = name } });
        }
    }

    /// <summary>When set, every deletion waits (a finalizer is added) until <see cref="ReleaseDeletions"/>.</summary>
    public bool HoldDeletions { get; set; }

    /// <summary>How long the simulated garbage collector takes to finish a foreground deletion.</summary>
    public TimeSpan ForegroundDeletionDelay { get; set; } = TimeSpan.FromMilliseconds(50);

    public long CurrentResourceVersion
    {
        get { lock (gate) { return rv; } }
    }

    private static string Key(FakeResource r, string? ns, string name) => $"{r.StorageKey}|{ns}|{name}";

    private static string Now() => DateTime.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static JsonObject Meta(JsonObject obj) =>
        obj["metadata"] as JsonObject ?? (JsonObject)(obj["metadata"] = new JsonObject());

    private static string? Str(JsonNode? node) => node is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    public JsonObject Get(FakeResource r, string? ns, string name)
    {
        lock (gate)
        {
            return objects.TryGetValue(Key(r, ns, name), out var obj)
                ? WithTypeMeta(r, (JsonObject)obj.DeepClone())
                : throw FakeStatus.NotFound(r, name);
        }
    }

    public JsonObject? TryGet(FakeResource r, string? ns, string name)
    {
        lock (gate)
        {
            return objects.TryGetValue(Key(r, ns, name), out var obj) ? WithTypeMeta(r, (JsonObject)obj.DeepClone()) : null;
        }
    }

    /// <summary>Current objects of a type (all namespaces when <paramref name="ns"/> is null), sorted, and the list RV.</summary>
    public (List<JsonObject> Items, long Rv) List(FakeResource r, string? ns, LabelSelector? selector = null, FieldSelector? fields = null)
    {
        lock (gate)
        {
            var items = objects.Where(kv => kv.Key.StartsWith(r.StorageKey + "|", StringComparison.Ordinal))
                .Select(kv => kv.Value)
                .Where(o => ns == null || Str(o["metadata"]?["namespace"]) == ns)
                .Where(o => selector == null || selector.Matches(o))
                .Where(o => fields == null || fields.Matches(o))
                .OrderBy(o => Str(o["metadata"]?["namespace"]), StringComparer.Ordinal)
                .ThenBy(o => Str(o["metadata"]?["name"]), StringComparer.Ordinal)
                .Select(o => WithTypeMeta(r, (JsonObject)o.DeepClone()))
                .ToList();
            return (items, rv);
        }
    }

    private static JsonObject WithTypeMeta(FakeResource r, JsonObject obj)
    {
        var copy = new JsonObject { ["kind"] = r.Kind, ["apiVersion"] = r.GroupVersion };
        foreach (var (k, v) in obj.ToList())
        {
            if (k is not ("kind" or "apiVersion"))
            {
                obj.Remove(k);
                copy[k] = v;
            }
        }

        return copy;
    }

    /// <summary>
    /// Creates an object as a client would (POST): the namespace must exist, the name must be free, the object valid;
    /// <paramref name="manager"/> (the fieldManager) is recorded in managedFields.
    /// </summary>
    public JsonObject Create(FakeResource r, string? ns, JsonObject obj, string? manager = null)
    {
        lock (gate)
        {
            obj = (JsonObject)obj.DeepClone();
            var meta = Meta(obj);
            if (Str(meta["resourceVersion"]) is { Length: > 0 })
            {
                throw new FakeApiException(500, FakeStatus.Make(500, null, "resourceVersion should not be set on objects to be created"));
            }

            if (r.Namespaced)
            {
                var objNs = Str(meta["namespace"]);
                if (objNs != null && objNs != ns)
                {
                    throw FakeStatus.BadRequest("the namespace of the provided object does not match the namespace sent on the request");
                }

                var nsResource = catalog.Find("", "v1", "namespaces")!;
                if (!objects.ContainsKey(Key(nsResource, null, ns!)))
                {
                    throw FakeStatus.NotFound(nsResource, ns!);
                }

                meta["namespace"] = ns;
            }
            else
            {
                meta.Remove("namespace");
            }

            var name = Str(meta["name"]);
            if (string.IsNullOrEmpty(name))
            {
                var prefix = Str(meta["generateName"]);
                if (string.IsNullOrEmpty(prefix))
                {
                    throw FakeStatus.Invalid(r, "", "metadata.name", "Required value: name or generateName is required");
                }

                do
                {
                    name = prefix + Guid.NewGuid().ToString("N")[..5];
                }
                while (objects.ContainsKey(Key(r, ns, name)));
                meta["name"] = name;
            }

            if (objects.ContainsKey(Key(r, ns, name)))
            {
                throw FakeStatus.AlreadyExists(r, name);
            }

            if (FakeSchema.Validate(r, obj, null) is { } invalid)
            {
                throw invalid;
            }

            Manage(r, obj, manager, subresource: null);
            return Insert(r, ns, name, obj, keepStatus: false);
        }
    }

    private JsonObject Insert(FakeResource r, string? ns, string name, JsonObject obj, bool keepStatus)
    {
        var meta = Meta(obj);
        meta["uid"] = Guid.NewGuid().ToString();
        meta["creationTimestamp"] = Now();
        meta.Remove("deletionTimestamp");
        if (obj.ContainsKey("spec"))
        {
            meta["generation"] = 1;
        }

        if (!keepStatus && r.HasStatus)
        {
            obj["status"] = new JsonObject(); // as kube-apiserver: a create sets no status, and the empty one is served as {}
        }

        meta["resourceVersion"] = (++rv).ToString(CultureInfo.InvariantCulture);
        var stored = WithTypeMeta(r, obj);
        objects[Key(r, ns, name)] = stored;
        Emit(r, ns, "ADDED", null, stored);
        return (JsonObject)stored.DeepClone();
    }
}
