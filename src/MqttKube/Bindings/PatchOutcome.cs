namespace MqttKube.Bindings;

/// <summary>What became of a command on a patch association (the <c>outcome</c> label of <c>mqtt_kube_patches_total</c>).</summary>
internal enum PatchOutcome
{
    /// <summary>The patch was sent and applied.</summary>
    Patched,

    /// <summary>The value already held: nothing was sent.</summary>
    Unchanged,

    /// <summary>The object does not exist.</summary>
    NotFound,

    /// <summary>The payload matched no entry of the value map.</summary>
    Miss,

    /// <summary>The write failed (refused, kept changing for 30 s, not kept by the API server, dropped unhandled).</summary>
    Error,
}
