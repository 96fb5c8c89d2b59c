namespace MqttKube.Http;

/// <summary>The <c>outcome</c> label of <c>mqtt_kube_patches_total</c>.</summary>
internal enum MetricPatchOutcome
{
    /// <summary><c>patched</c>: the patch was sent and applied.</summary>
    Patched,

    /// <summary><c>unchanged</c>: the value already held; nothing was sent.</summary>
    Unchanged,

    /// <summary><c>not_found</c>: the object does not exist.</summary>
    NotFound,

    /// <summary><c>miss</c>: the payload matched no entry of the value map.</summary>
    Miss,

    /// <summary><c>error</c>: the patch failed.</summary>
    Error,
}
