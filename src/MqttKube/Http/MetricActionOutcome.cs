namespace MqttKube.Http;

/// <summary>The <c>outcome</c> label of <c>mqtt_kube_actions_total</c>.</summary>
internal enum MetricActionOutcome
{
    /// <summary><c>ok</c>: the action was carried out.</summary>
    Ok,

    /// <summary><c>skipped</c>: nothing to do (for example launch with <c>on-exists: skip</c> on an existing object).</summary>
    Skipped,

    /// <summary><c>miss</c>: the payload matched no entry of the value map.</summary>
    Miss,

    /// <summary><c>error</c>: the action failed.</summary>
    Error,
}
