namespace MqttKube.Bindings;

/// <summary>What became of a command on an action association (the <c>outcome</c> label of <c>mqtt_kube_actions_total</c>).</summary>
internal enum ActionOutcome
{
    /// <summary>The action was carried out.</summary>
    Ok,

    /// <summary>Nothing to do (<c>launch</c> with <c>on-exists: skip</c> on an existing object).</summary>
    Skipped,

    /// <summary>The payload matched no entry of the value map.</summary>
    Miss,

    /// <summary>The action failed.</summary>
    Error,
}
