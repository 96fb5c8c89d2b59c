namespace MqttKube.Bindings.Inbound;

/// <summary>What a guarded write did (<see cref="GuardedPatch"/>).</summary>
internal enum PatchWriteOutcome
{
    /// <summary>Sent, applied, and the returned object shows the value.</summary>
    Patched,

    /// <summary>The value already held (confirmed on a fresh read): nothing was sent.</summary>
    Unchanged,

    /// <summary>The object does not exist.</summary>
    NotFound,

    /// <summary>The object kept changing under the patch for the conflict time-out: not written.</summary>
    GaveUp,

    /// <summary>Applied, but the object the API server returned does not hold the value (a status subresource, an unknown field).</summary>
    NotKept,

    /// <summary>Not written: the plan or the API server refused it (<see cref="PatchWrite.Problem"/> says why).</summary>
    Refused,
}
