namespace MqttKube.Kubernetes;

/// <summary>What happened to an object, as a subscriber sees it.</summary>
internal enum ObjectEventType
{
    /// <summary>The object exists (initial state) or appeared.</summary>
    Added,

    /// <summary>The object changed (a new resourceVersion).</summary>
    Modified,

    /// <summary>The object is gone (deleted, or found missing after a re-list).</summary>
    Deleted,

    /// <summary>Initial state of a by-name subscription: no such object.</summary>
    Absent,

    /// <summary>Sent once to a subscription without a name after its initial Added events.</summary>
    Synced,
}
