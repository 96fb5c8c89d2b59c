namespace MqttKube.Kubernetes;

/// <summary>What a guarded JSON Patch did.</summary>
internal enum PatchOutcome
{
    /// <summary>The patch was sent and applied.</summary>
    Patched,

    /// <summary>The plan said there was nothing to do (the value already holds): nothing was sent.</summary>
    Unchanged,

    /// <summary>The object does not exist: nothing was sent.</summary>
    NotFound,

    /// <summary>The object kept changing under the patch until the conflict timeout: it was not applied.</summary>
    Conflict,
}
