using System.Globalization;
using System.Text.Json.Nodes;
using MqttKube.Bindings.Ports;
using MqttKube.FakeKube;
using MqttKube.Kubernetes;
using LabelSelector = MqttKube.FakeKube.LabelSelector;

namespace MqttKube.Tests.Bindings.Scenarios;

internal sealed partial class InMemoryKube
{
    /// <summary>The open watches, as <c>/apis/apps/v1/namespaces/media/deployments?name=jellyfin</c>.</summary>
    public IReadOnlyList<string> OpenWatches
    {
        get
        {
            lock (gate)
            {
                return [.. watches.Select(w => w.Describe()).Order(StringComparer.Ordinal)];
            }
        }
    }

    public IObjectSubscription Watch(ResourceType type, string? ns, string? labelSelector, string? name, IObjectObserver observer)
    {
        var entry = new WatchEntry(type, ns, labelSelector, name, observer);
        lock (gate)
        {
            watches.Add(entry);
        }

        if (!HoldLists)
        {
            List(entry);
        }

        return new Subscription(() =>
        {
            lock (gate)
            {
                watches.Remove(entry);
            }
        });
    }

    /// <summary>Watch events wait (the watches lag behind the store) until <see cref="ReleaseEvents"/>.</summary>
    public void HoldEvents()
    {
        lock (gate)
        {
            heldEvents ??= [];
        }
    }

    /// <summary>The watches catch up: the events held meanwhile are delivered, in order.</summary>
    public void ReleaseEvents()
    {
        List<(IObjectObserver, ObjectEvent)> events;
        lock (gate)
        {
            events = heldEvents ?? [];
            heldEvents = null;
        }

        Deliver(events);
    }

    /// <summary>Every watch still waiting for its first list gets it.</summary>
    public void DeliverLists()
    {
        List<WatchEntry> waiting;
        lock (gate)
        {
            waiting = [.. watches.Where(w => !w.Listed)];
        }

        foreach (var entry in waiting)
        {
            List(entry);
        }
    }

    /// <summary>
    /// Creates <paramref name="obj"/> as someone else would (a case's <c>objects</c> and <c>add</c> steps): a
    /// <c>metadata.creationTimestamp</c> it gives is kept (an object made earlier), else it is the clock's now.
    /// </summary>
    public JsonObject AddObject(JsonObject obj)
    {
        var (type, ns, name) = Identify(obj);
        lock (gate)
        {
            if (objects.ContainsKey(Key(type, ns, name)))
            {
                throw new InvalidOperationException($"{type.Kind} {ns}/{name} exists already");
            }
        }

        return Add(obj.DeepClone().AsObject());
    }

    /// <summary>Changes the object <paramref name="change"/> names by a JSON merge patch (RFC 7386) of it.</summary>
    public JsonObject ModifyObject(JsonObject change)
    {
        var (type, ns, name) = Identify(change);
        return Change(Key(type, ns, name), o => MergePatch.Apply(o, change)!.AsObject());
    }

    public void DeleteObject(JsonObject reference)
    {
        var (type, ns, name) = Identify(reference);
        if (!Remove(Key(type, ns, name)))
        {
            throw new InvalidOperationException($"{type.Kind} {ns}/{name} does not exist");
        }
    }

    private (ResourceType Type, string? Ns, string Name) Identify(JsonObject obj)
    {
        var apiVersion = (string?)obj["apiVersion"] ?? throw new InvalidOperationException("an object needs apiVersion");
        var kind = (string?)obj["kind"] ?? throw new InvalidOperationException("an object needs kind");
        var resource = catalog.FindByKind(apiVersion, kind) ?? throw new InvalidOperationException($"{kind} of {apiVersion} is not served (add it to 'kinds')");
        var name = (string?)obj["metadata"]?["name"] ?? throw new InvalidOperationException("an object needs metadata.name");
        return (TypeOf(resource), resource.Namespaced ? (string?)obj["metadata"]?["namespace"] ?? "default" : null, name);
    }

    private JsonObject Add(JsonObject obj)
    {
        var (type, ns, name) = Identify(obj);
        var metadata = (JsonObject)obj["metadata"]!;
        if (ns is not null)
        {
            metadata["namespace"] = ns;
        }

        List<(IObjectObserver, ObjectEvent)> events;
        lock (gate)
        {
            metadata["uid"] = "uid-" + (++uids).ToString(CultureInfo.InvariantCulture);
            metadata["creationTimestamp"] ??= Clock.GetUtcNow().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
            metadata["resourceVersion"] = (++version).ToString(CultureInfo.InvariantCulture);
            var key = Key(type, ns, name);
            objects[key] = obj;
            events = EventsLocked(key, null, obj);
        }

        Deliver(events);
        return obj.DeepClone().AsObject();
    }

    /// <summary>A new version of the object: <paramref name="mutate"/> gets a copy; the resourceVersion moves on.</summary>
    private JsonObject Change((string Storage, string Ns, string Name) key, Func<JsonObject, JsonObject> mutate)
    {
        List<(IObjectObserver, ObjectEvent)> events;
        JsonObject changed;
        lock (gate)
        {
            var current = objects.GetValueOrDefault(key) ?? throw new InvalidOperationException($"{key.Name} does not exist");
            changed = mutate(current.DeepClone().AsObject());
            changed["metadata"]!["resourceVersion"] = (++version).ToString(CultureInfo.InvariantCulture);
            objects[key] = changed;
            events = EventsLocked(key, current, changed);
        }

        Deliver(events);
        return changed.DeepClone().AsObject();
    }

    private bool Remove((string Storage, string Ns, string Name) key)
    {
        List<(IObjectObserver, ObjectEvent)> events;
        lock (gate)
        {
            if (!objects.Remove(key, out var gone))
            {
                return false;
            }

            ++version;
            events = EventsLocked(key, gone, null);
        }

        Deliver(events);
        return true;
    }

    /// <summary>
    /// What each listed watch sees of the object at <paramref name="key"/> going from <paramref name="before"/> (null:
    /// new) to <paramref name="now"/> (null: gone). As the API server does, a watch whose selector the object stops
    /// matching sees it Deleted, with its previous version.
    /// </summary>
    private List<(IObjectObserver, ObjectEvent)> EventsLocked((string Storage, string Ns, string Name) key, JsonObject? before, JsonObject? now)
    {
        var events = new List<(IObjectObserver, ObjectEvent)>();
        foreach (var watch in watches.Where(w => w.Listed && w.Covers(key)))
        {
            var matches = now is not null && watch.Selector.Matches(now);
            var known = watch.Known.Contains(key.Name);
            var type = (matches, known) switch
            {
                (true, false) => ObjectEventType.Added,
                (true, true) => ObjectEventType.Modified,
                (false, true) => ObjectEventType.Deleted,
                _ => (ObjectEventType?)null,
            };
            if (type is { } t)
            {
                _ = matches ? watch.Known.Add(key.Name) : watch.Known.Remove(key.Name);
                var obj = matches ? now : before;
                events.Add((watch.Observer, new ObjectEvent(t, key.Ns.Length == 0 ? null : key.Ns, key.Name, obj?.DeepClone().AsObject())));
            }
        }

        return events;
    }

    private void List(WatchEntry entry)
    {
        var events = new List<(IObjectObserver, ObjectEvent)>();
        lock (gate)
        {
            entry.Listed = true;
            foreach (var (key, obj) in objects.Where(o => entry.Covers(o.Key) && entry.Selector.Matches(o.Value)).OrderBy(o => o.Key.Name, StringComparer.Ordinal))
            {
                entry.Known.Add(key.Name);
                events.Add((entry.Observer, new ObjectEvent(ObjectEventType.Added, key.Ns.Length == 0 ? null : key.Ns, key.Name, obj.DeepClone().AsObject())));
            }

            if (entry.Name is not null && events.Count == 0)
            {
                events.Add((entry.Observer, new ObjectEvent(ObjectEventType.Absent, entry.Type.ScopeNamespace(entry.Ns), entry.Name, null)));
            }
            else if (entry.Name is null)
            {
                events.Add((entry.Observer, new ObjectEvent(ObjectEventType.Synced, entry.Ns, null, null)));
            }
        }

        Deliver(events);
    }

    private void Deliver(List<(IObjectObserver Observer, ObjectEvent Event)> events)
    {
        lock (gate)
        {
            if (heldEvents is not null)
            {
                heldEvents.AddRange(events);
                return;
            }
        }

        foreach (var (observer, e) in events)
        {
            observer.OnEvent(e);
        }
    }

    private sealed class WatchEntry(ResourceType type, string? ns, string? labelSelector, string? name, IObjectObserver observer)
    {
        public ResourceType Type { get; } = type;

        public string? Ns { get; } = type.ScopeNamespace(ns);

        public string? Name { get; } = name;

        public LabelSelector Selector { get; } = LabelSelector.Parse(labelSelector);

        public IObjectObserver Observer { get; } = observer;

        public bool Listed { get; set; }

        public HashSet<string> Known { get; } = new(StringComparer.Ordinal);

        public bool Covers((string Storage, string Ns, string Name) key) =>
            key.Storage == $"{Type.Group}/{Type.Plural}" && (Ns is null || key.Ns == Ns) && (Name is null || key.Name == Name);

        public string Describe()
        {
            var query = new List<string>();
            if (labelSelector is not null)
            {
                query.Add("labelSelector=" + labelSelector);
            }

            if (Name is not null)
            {
                query.Add("name=" + Name);
            }

            return Type.CollectionPath(Ns) + (query.Count == 0 ? "" : "?" + string.Join("&", query));
        }
    }

    private sealed class Subscription(Action dispose) : IObjectSubscription
    {
        public string? LastError => null;

        public void Dispose() => dispose();
    }
}
