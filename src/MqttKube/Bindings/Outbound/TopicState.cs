namespace MqttKube.Bindings.Outbound;

/// <summary>One published topic in the <see cref="StateTable"/>: the newest payload, and the last one the broker got.</summary>
internal sealed class TopicState(string topic, AssociationState owner)
{
    public string Topic { get; } = topic;

    /// <summary>Who sets it (a watch's status shows its publish failures).</summary>
    public AssociationState Owner { get; } = owner;

    public int Qos { get; set; }

    public bool Retain { get; set; }

    /// <summary>The newest payload (empty: an empty payload).</summary>
    public string Current { get; set; } = string.Empty;

    /// <summary>When the event behind <see cref="Current"/> arrived (a clock timestamp), for the latency metric.</summary>
    public long Since { get; set; }

    /// <summary>The payload the broker last got in this connection; null: none (or a reconnect since).</summary>
    public string? Published { get; set; }

    /// <summary>Waiting in the publish queue.</summary>
    public bool Queued { get; set; }

    /// <summary>Being published now (never two at once for one topic).</summary>
    public bool InFlight { get; set; }

    /// <summary>Its owner is gone: once the (empty, retained) payload is out, the state is forgotten.</summary>
    public bool Releasing { get; set; }

    /// <summary>A second owner was warned about already.</summary>
    public bool SharedWarned { get; set; }

    public bool NeedsPublish => Published != Current;
}
