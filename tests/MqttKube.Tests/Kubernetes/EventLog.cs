using MqttKube.Kubernetes;

namespace MqttKube.Tests.Kubernetes;

/// <summary>Collects a subscription's events, thread-safely.</summary>
internal sealed class EventLog
{
    private readonly List<ObjectEvent> events = [];

    public void Add(ObjectEvent e)
    {
        lock (events)
        {
            events.Add(e);
        }
    }

    public IReadOnlyList<ObjectEvent> Events
    {
        get { lock (events) { return [.. events]; } }
    }

    public bool Has(Func<ObjectEvent, bool> predicate) => Events.Any(predicate);

    /// <summary>The latest state per object name as the events tell it (null: deleted or absent).</summary>
    public Dictionary<string, string?> StateByName()
    {
        var state = new Dictionary<string, string?>();
        foreach (var e in Events.Where(e => e.Name != null))
        {
            state[e.Name!] = e.Type is ObjectEventType.Deleted or ObjectEventType.Absent ? null : e.ResourceVersion;
        }

        return state;
    }

    /// <summary>No (object, resourceVersion) pair delivered twice.</summary>
    public void AssertNoDuplicates()
    {
        var seen = Events.Where(e => e.Type is ObjectEventType.Added or ObjectEventType.Modified)
            .GroupBy(e => (e.Name, e.ResourceVersion)).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        Assert.True(seen.Count == 0, "delivered twice: " + string.Join(", ", seen));
    }
}
