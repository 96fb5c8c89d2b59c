using Microsoft.Extensions.Logging;
using MqttKube.Bindings.Ports;

namespace MqttKube.Bindings.Outbound;

/// <summary>
/// The one "newest state" mechanism: a <see cref="TopicState"/> per published topic. Watches set the current payload;
/// a state whose payload differs from the last one published is queued and published (only the newest payload is
/// ever sent: versions that arrive while one is in flight coalesce), a few topics at once but never two publishes of
/// one topic. Offline nothing is sent; on every (re)connection every state is published again. A released state (its
/// object unbound, its binding removed) is cleared on the broker when retained, then forgotten.
/// </summary>
internal sealed partial class StateTable
{
    private readonly BindingServices services;
    private readonly Activity activity;
    private readonly ILogger logger;
    private readonly Lock gate = new();
    private readonly Dictionary<string, TopicState> states = new(StringComparer.Ordinal);
    private readonly Queue<TopicState> pending = new();
    private int inFlight;

    public StateTable(BindingServices services, Activity activity)
    {
        this.services = services;
        this.activity = activity;
        logger = services.Logs.CreateLogger("watch");
    }

    /// <summary>Topics held now.</summary>
    public int Count
    {
        get
        {
            lock (gate)
            {
                return states.Count;
            }
        }
    }

    /// <summary>Sets the newest payload of <paramref name="topic"/>; it is published unless the broker has it already.</summary>
    /// <param name="since">When the event that caused it arrived (a clock timestamp).</param>
    public void Set(AssociationState owner, string topic, int qos, bool retain, string payload, long since)
    {
        var warn = false;
        lock (gate)
        {
            if (!states.TryGetValue(topic, out var state))
            {
                state = new TopicState(topic, owner);
                states[topic] = state;
            }
            else if (!ReferenceEquals(state.Owner, owner) && (state.HandedOver is not null || state.Releasing))
            {
                (state.Owner, state.HandedOver) = (owner, null); // a reloaded binding takes over its predecessor's topic
            }
            else if (!ReferenceEquals(state.Owner, owner) && !state.SharedWarned)
            {
                state.SharedWarned = warn = true;
            }

            (state.Qos, state.Retain, state.Current, state.Since, state.Releasing) = (qos, retain, payload, since, false);
            EnqueueLocked(state);
            StartLocked();
        }

        if (warn)
        {
            LogShared(logger, topic);
        }
    }

    /// <summary>
    /// The states of <paramref name="owners"/> (a binding a reload replaces) are handed over: they keep their payloads
    /// and the next owner of each topic takes it over without a publish when its payload is the same. What no one has
    /// taken when <see cref="EndHandover"/> is called with the returned handle is released then.
    /// </summary>
    public object HandOver(IEnumerable<AssociationState> owners)
    {
        var handle = new object();
        var set = owners.ToHashSet();
        lock (gate)
        {
            foreach (var state in states.Values.Where(s => set.Contains(s.Owner)))
            {
                state.HandedOver = handle;
            }
        }

        return handle;
    }

    /// <summary>Releases the states of a handover that no new owner took (its topics are no longer published).</summary>
    public void EndHandover(object handle)
    {
        lock (gate)
        {
            foreach (var state in states.Values.Where(s => ReferenceEquals(s.HandedOver, handle)).ToList())
            {
                state.HandedOver = null;
                ReleaseLocked(state);
            }

            StartLocked();
        }
    }

    /// <summary>
    /// The states <paramref name="owner"/> set are no longer wanted: a retained one gets an empty retained payload (so
    /// nothing stale stays on the broker) and is forgotten once that is sent; the others are forgotten now.
    /// </summary>
    public void Release(AssociationState owner)
    {
        lock (gate)
        {
            foreach (var state in states.Values.Where(s => ReferenceEquals(s.Owner, owner) && s.HandedOver is null).ToList())
            {
                ReleaseLocked(state);
            }

            StartLocked();
        }
    }

    /// <summary>The payload of <paramref name="topic"/> the broker last got in this connection (null: none yet).</summary>
    public string? LastPublished(string topic)
    {
        lock (gate)
        {
            return states.TryGetValue(topic, out var state) ? state.Published : null;
        }
    }

    private void ReleaseLocked(TopicState state)
    {
        if (!state.Retain)
        {
            Forget(state);
            return;
        }

        (state.Current, state.Releasing, state.Since) = (string.Empty, true, services.Time.GetTimestamp());
        if (!state.NeedsPublish)
        {
            Forget(state);
            return;
        }

        EnqueueLocked(state);
    }

    /// <summary>After a (re)connection: the broker's copy is not trusted; every state is published again.</summary>
    public void Republish(MqttSession session)
    {
        var count = RepublishAll();
        if (session.IsReconnect)
        {
            LogRepublish(logger, count);
        }
    }

    /// <summary>Every state is published again (Home Assistant's birth message): the announcements first.</summary>
    public void Republish(string reason) => LogRepublishFor(logger, RepublishAll(), reason);

    /// <summary>
    /// Marks every state unpublished and queues it; absolute topics (Home Assistant discovery payloads) go first, so
    /// that an entity is announced before its state arrives.
    /// </summary>
    private int RepublishAll()
    {
        lock (gate)
        {
            foreach (var state in states.Values.OrderByDescending(s => Mqtt.MqttTopic.IsAbsolute(s.Topic)))
            {
                state.Published = null;
                EnqueueLocked(state);
            }

            StartLocked();
            return states.Count;
        }
    }

    private void Forget(TopicState state)
    {
        if (states.TryGetValue(state.Topic, out var current) && ReferenceEquals(current, state))
        {
            states.Remove(state.Topic);
        }
    }

    [LoggerMessage(EventId = 4002, Level = LogLevel.Debug, Message = "published '{Payload}' to {Topic} ({Outcome})")]
    private static partial void LogPublished(ILogger logger, string topic, string payload, string outcome);

    [LoggerMessage(EventId = 4003, Level = LogLevel.Warning, Message = "cannot publish to {Topic}: {Reason}")]
    private static partial void LogPublishFailed(ILogger logger, string topic, string reason);

    [LoggerMessage(EventId = 4004, Level = LogLevel.Warning, Message = "{Topic} is published by more than one association: the newest value wins")]
    private static partial void LogShared(ILogger logger, string topic);

    [LoggerMessage(EventId = 7400, Level = LogLevel.Information, Message = "{Reason}: republishing {Count} state(s), discovery payloads first")]
    private static partial void LogRepublishFor(ILogger logger, int count, string reason);

    [LoggerMessage(EventId = 4502, Level = LogLevel.Information, Message = "MQTT reconnected: republishing {Count} state(s)")]
    private static partial void LogRepublish(ILogger logger, int count);
}
