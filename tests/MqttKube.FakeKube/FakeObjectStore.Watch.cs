using System.Globalization;
using System.Text.Json.Nodes;

namespace MqttKube.FakeKube;

public sealed partial class FakeObjectStore
{
    private readonly List<FakeWatcher> watchers = [];

    private void Emit(FakeResource r, string? ns, string type, JsonObject? old, JsonObject obj)
    {
        var rv = long.Parse(Str(obj["metadata"]?["resourceVersion"])!, CultureInfo.InvariantCulture);
        var e = new StoredEvent(rv, r.StorageKey, ns, type, (JsonObject?)old?.DeepClone(), (JsonObject)obj.DeepClone());
        history.Add(e);
        foreach (var w in watchers)
        {
            w.Offer(e);
        }
    }

    /// <summary>
    /// Opens a watch. No <paramref name="resourceVersion"/> (or "0"): synthetic ADDED events for current objects first.
    /// Otherwise every retained change after it; an RV older than the retained window → 410 Expired.
    /// </summary>
    internal FakeWatcher OpenWatch(FakeResource r, string? ns, LabelSelector selector, FieldSelector fields, string? resourceVersion)
    {
        lock (gate)
        {
            var w = new FakeWatcher(r, ns, selector, fields);
            if (string.IsNullOrEmpty(resourceVersion) || resourceVersion == "0")
            {
                foreach (var obj in List(r, ns, selector, fields).Items)
                {
                    w.Send("ADDED", obj);
                }
            }
            else
            {
                if (!long.TryParse(resourceVersion, NumberStyles.None, CultureInfo.InvariantCulture, out var from))
                {
                    throw new FakeApiException(500, FakeStatus.Make(500, null,
                        $"resourceVersion: Invalid value: \"{resourceVersion}\": strconv.ParseUint: parsing \"{resourceVersion}\": invalid syntax"));
                }

                if (from < compactedRv)
                {
                    throw FakeStatus.Gone($"too old resource version: {from} ({compactedRv})");
                }

                foreach (var e in history.Where(e => e.Rv > from))
                {
                    w.Offer(e);
                }
            }

            watchers.Add(w);
            return w;
        }
    }

    internal void CloseWatch(FakeWatcher w)
    {
        lock (gate)
        {
            watchers.Remove(w);
        }
    }

    internal IReadOnlyList<FakeWatcher> Watchers
    {
        get { lock (gate) { return [.. watchers]; } }
    }

    /// <summary>Compacts the history (as etcd compaction does): watching from any RV before now answers 410 Gone.</summary>
    public void ExpireHistory()
    {
        lock (gate)
        {
            history.Clear();
            compactedRv = rv;
            continues.Clear();
        }
    }

    /// <summary>The oldest RV a watch may start from without a 410.</summary>
    public long CompactedResourceVersion
    {
        get { lock (gate) { return compactedRv; } }
    }

    private readonly Dictionary<string, (long Rv, List<JsonObject> Items)> continues = [];

    /// <summary>Pages a list snapshot (limit/continue); an unknown or compacted continue token answers 410.</summary>
    internal (List<JsonObject> Page, long Rv, string? Continue, int Remaining) Page(List<JsonObject> items, long rv, int? limit, string? token)
    {
        lock (gate)
        {
            if (token != null)
            {
                if (!continues.Remove(token, out var saved))
                {
                    throw FakeStatus.Gone("The provided continue parameter is too old to display a consistent list result. You can start a new list without the continue parameter.");
                }

                (items, rv) = (saved.Items, saved.Rv);
            }

            if (limit is not > 0 || items.Count <= limit)
            {
                return (items, rv, null, 0);
            }

            var next = Guid.NewGuid().ToString("N");
            continues[next] = (rv, items[limit.Value..]);
            return (items[..limit.Value], rv, next, items.Count - limit.Value);
        }
    }

    /// <summary>Queues a BOOKMARK carrying the current RV on one watch, in order with its events.</summary>
    internal void SendBookmark(FakeWatcher w)
    {
        lock (gate)
        {
            var bookmark = new JsonObject
            {
                ["kind"] = w.Resource.Kind,
                ["apiVersion"] = w.Resource.GroupVersion,
                ["metadata"] = new JsonObject { ["resourceVersion"] = rv.ToString(CultureInfo.InvariantCulture), ["creationTimestamp"] = null },
            };
            w.Events.Writer.TryWrite(new JsonObject { ["type"] = "BOOKMARK", ["object"] = bookmark });
        }
    }
}
