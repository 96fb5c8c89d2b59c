using System.Text.Json.Nodes;
using MqttKube.Bindings.Ports;
using MqttKube.Kubernetes;

namespace MqttKube.Bindings.Outbound;

/// <summary>
/// The objects of one kind a binding's <c>owned:</c> watches read (SPEC's cronjob <c>last-result</c>: the newest Job a
/// CronJob owns), kept from the shared list+watch of that kind in the binding's namespace and indexed by the uids of
/// their owners. Every change reports the owner uids it touches (the old and the new version's), so the owners'
/// watches are read again; the end of a (re)list reports every owner.
/// </summary>
internal sealed class OwnedObjects(string kind, Action<IReadOnlySet<string>?> changed) : IObjectObserver
{
    private readonly Lock gate = new();
    private readonly Dictionary<(string? Namespace, string Name), JsonObject> objects = [];
    private readonly Dictionary<string, HashSet<(string? Namespace, string Name)>> byOwner = new(StringComparer.Ordinal);
    private volatile bool synced;

    /// <summary>The kind as the config names it (<c>owned: Job</c>).</summary>
    public string Kind { get; } = kind;

    /// <summary>The first list is in: until then no owned watch publishes.</summary>
    public bool Synced => synced;

    /// <inheritdoc/>
    public void OnEvent(ObjectEvent e)
    {
        if (e.Type == ObjectEventType.Synced)
        {
            synced = true;
            Interlocked.MemoryBarrier(); // against the bound object's first state coming in at once: one of the two sees both
            changed(null);
            return;
        }

        if (e.Name is null || e.Type == ObjectEventType.Absent)
        {
            return;
        }

        var key = (e.Namespace, e.Name);
        var touched = new HashSet<string>(StringComparer.Ordinal);
        lock (gate)
        {
            if (objects.Remove(key, out var old))
            {
                foreach (var uid in OwnerUids(old))
                {
                    touched.Add(uid);
                    if (byOwner.TryGetValue(uid, out var keys) && keys.Remove(key) && keys.Count == 0)
                    {
                        byOwner.Remove(uid);
                    }
                }
            }

            if (e.Type is ObjectEventType.Added or ObjectEventType.Modified && e.Object is { } now)
            {
                objects[key] = now;
                foreach (var uid in OwnerUids(now))
                {
                    touched.Add(uid);
                    if (!byOwner.TryGetValue(uid, out var keys))
                    {
                        byOwner[uid] = keys = [];
                    }

                    keys.Add(key);
                }
            }
        }

        if (synced && touched.Count > 0)
        {
            changed(touched);
        }
    }

    /// <summary>
    /// The newest object (greatest <c>metadata.creationTimestamp</c>, ties by name) in <paramref name="ns"/> whose
    /// ownerReferences hold <paramref name="ownerUid"/>; null when there is none (or no owner).
    /// </summary>
    public JsonObject? Newest(string? ownerUid, string? ns)
    {
        if (ownerUid is null)
        {
            return null;
        }

        lock (gate)
        {
            if (!byOwner.TryGetValue(ownerUid, out var keys))
            {
                return null;
            }

            JsonObject? newest = null;
            (DateTimeOffset Created, string Name) best = default;
            foreach (var key in keys)
            {
                if (ns is not null && key.Namespace is not null && !string.Equals(key.Namespace, ns, StringComparison.Ordinal))
                {
                    continue;
                }

                var candidate = (Created(objects[key]), key.Name);
                if (newest is null || Compare(candidate, best) > 0)
                {
                    (newest, best) = (objects[key], candidate);
                }
            }

            return newest;
        }
    }

    /// <summary>The uids of an object's owners (its <c>metadata.ownerReferences[*].uid</c>).</summary>
    internal static IEnumerable<string> OwnerUids(JsonObject obj)
    {
        if (obj["metadata"]?["ownerReferences"] is not JsonArray references)
        {
            yield break;
        }

        foreach (var reference in references)
        {
            if (reference?["uid"] is JsonValue value && value.TryGetValue<string>(out var uid) && uid.Length > 0)
            {
                yield return uid;
            }
        }
    }

    /// <summary><c>creationTimestamp</c> (RFC 3339); missing or unreadable: the oldest.</summary>
    private static DateTimeOffset Created(JsonObject obj) =>
        obj["metadata"]?["creationTimestamp"] is JsonValue value && value.TryGetValue<string>(out var text)
            && DateTimeOffset.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out var time)
            ? time
            : DateTimeOffset.MinValue;

    private static int Compare((DateTimeOffset Created, string Name) a, (DateTimeOffset Created, string Name) b)
    {
        var byTime = a.Created.CompareTo(b.Created);
        return byTime != 0 ? byTime : string.CompareOrdinal(a.Name, b.Name);
    }
}
