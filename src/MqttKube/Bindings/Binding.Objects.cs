using MqttKube.Kubernetes;
using MqttKube.Mqtt;

namespace MqttKube.Bindings;

/// <summary>The objects of a binding of many (SPEC 12): bound as they appear, dropped as they go; commands routed by topic.</summary>
internal sealed partial class Binding
{
    private readonly Lock gate = new();
    private readonly Dictionary<(string? Namespace, string Name), BoundObject> bound = [];
    private readonly List<Held> held = [];
    private Dictionary<string, BoundObject>[]? byTopic;

    /// <summary>The objects bound now: the named one, or every one a binding of many found.</summary>
    public IReadOnlyList<BoundObject> Objects
    {
        get
        {
            if (Object is { } named)
            {
                return [named];
            }

            lock (gate)
            {
                return [.. bound.Values];
            }
        }
    }

    /// <summary>
    /// A command for patch or action <paramref name="index"/> on <paramref name="topic"/>: queued on the object the
    /// topic names, held while the binding starts, logged and dropped when no bound object has that topic.
    /// </summary>
    public void Post(int index, string topic, string payload)
    {
        BoundObject? target;
        lock (gate)
        {
            if (Object is { } named)
            {
                target = Fits(named, index, topic) ? named : null;
            }
            else if (!ready)
            {
                Hold(index, topic, payload);
                return;
            }
            else
            {
                target = Find(index, topic);
            }
        }

        if (target is null)
        {
            LogNoObject(logger, Plan.Path, topic, payload);
            return;
        }

        target.Inbound[index].Post(payload);
    }

    private void OnManyEvent(ObjectEvent e)
    {
        if (e.Type == ObjectEventType.Synced)
        {
            primaryIn = true;
            TryMarkReady();
            return;
        }

        if (e.Type == ObjectEventType.Absent || e.Name is null)
        {
            return;
        }

        Services.Metrics.WatchEvent();
        var since = Services.Time.GetTimestamp();
        var matches = e.Type is ObjectEventType.Added or ObjectEventType.Modified && e.Object is not null
            && Plan.NameMatches(e.Name) && (Plan.Selector?.Matches(e.Object) ?? true);
        var key = (e.Namespace, e.Name);
        BoundObject? target;
        var isNew = false;
        lock (gate)
        {
            bound.TryGetValue(key, out target);
            if (matches && target is null)
            {
                target = new BoundObject(this, e.Namespace, e.Name, states);
                bound[key] = target;
                IndexTopics(target, add: true);
                isNew = true;
                if (ready)
                {
                    target.Open(stopping.Token);
                }
            }
            else if (!matches && target is not null)
            {
                bound.Remove(key);
                IndexTopics(target, add: false);
            }
        }

        if (matches)
        {
            if (isNew)
            {
                LogBound(logger, Plan.Path, target!.Describe);
            }

            target!.Announcement?.Announce(type!.Kind, e.Namespace, e.Name, since); // before the states: the entities first
            target.Update(e.Object, since);
        }
        else if (target is not null)
        {
            // A watch by selector reports an object that stops matching as Deleted, as it does one that is deleted.
            var reason = e.Type != ObjectEventType.Deleted ? "it no longer matches"
                : Plan.Selector is null ? "it is gone" : "it is gone or no longer matches the selector";
            LogUnbound(logger, Plan.Path, target.Describe, reason);
            _ = target.CompleteAsync();
            target.Release();
        }
    }

    /// <summary>Under the lock: the object whose topic <paramref name="topic"/> is.</summary>
    private BoundObject? Find(int index, string topic)
    {
        if (byTopic is { } topics && topics[index].TryGetValue(topic, out var exact))
        {
            return exact;
        }

        return bound.Values.FirstOrDefault(o => o.Inbound[index].State.Topic.AsSpan().IndexOfAny('+', '#') >= 0 && MqttTopic.Matches(o.Inbound[index].State.Topic, topic));
    }

    /// <summary>Whether a received topic is the named object's (its placeholders filled in), or has none to check.</summary>
    private static bool Fits(BoundObject target, int index, string topic) => MqttTopic.Matches(target.Inbound[index].State.Topic, topic);

    /// <summary>Under the lock: adds or removes the object's inbound topics in the topic index.</summary>
    private void IndexTopics(BoundObject target, bool add)
    {
        byTopic ??= [.. Filters.Select(_ => new Dictionary<string, BoundObject>(StringComparer.Ordinal))];
        for (var i = 0; i < target.Inbound.Count; i++)
        {
            var topic = target.Inbound[i].State.Topic;
            if (!add)
            {
                if (byTopic[i].TryGetValue(topic, out var owner) && ReferenceEquals(owner, target))
                {
                    byTopic[i].Remove(topic);
                }
            }
            else if (!byTopic[i].TryAdd(topic, target))
            {
                LogClaimed(logger, Plan.Path, topic, byTopic[i][topic].Describe, target.Describe);
            }
        }
    }

    /// <summary>Under the lock: a command that arrived before the first list: kept (30 s, the queue's size) until it is in.</summary>
    private void Hold(int index, string topic, string payload)
    {
        DropExpiredHeld();
        if (held.Count >= Services.QueueCapacity)
        {
            LogHeldFull(logger, Plan.Path, payload, topic, Services.QueueCapacity);
            return;
        }

        held.Add(new Held(index, topic, payload, Services.Time.GetTimestamp()));
        LogHeld(logger, Plan.Path, Waiting ?? "starting", payload, topic);
    }

    /// <summary>The binding is ready: the held commands are routed to their objects, in order.</summary>
    private void ReleaseHeld()
    {
        Held[] all;
        lock (gate)
        {
            DropExpiredHeld();
            all = [.. held];
            held.Clear();
        }

        foreach (var h in all)
        {
            Post(h.Index, h.Topic, h.Payload);
        }
    }

    private void DropExpiredHeld()
    {
        foreach (var h in held.Where(h => Services.Time.GetElapsedTime(h.ArrivedAt) >= Services.HoldLimit).ToList())
        {
            held.Remove(h);
            LogHeldTooLong(logger, Plan.Path, h.Payload, h.Topic, Services.HoldLimit.TotalSeconds, Waiting ?? "starting");
        }
    }

    private sealed record Held(int Index, string Topic, string Payload, long ArrivedAt);
}
