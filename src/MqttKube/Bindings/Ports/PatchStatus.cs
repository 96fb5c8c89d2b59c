namespace MqttKube.Bindings.Ports;

/// <summary>The API server's answer to one JSON Patch request.</summary>
internal enum PatchStatus
{
    /// <summary>Applied: <see cref="PatchResult.Object"/> is the object as it is now.</summary>
    Patched,

    /// <summary>409 Conflict: the object changed since it was read.</summary>
    Conflict,

    /// <summary>404: the object does not exist.</summary>
    NotFound,

    /// <summary>
    /// 422: refused as invalid (<see cref="PatchResult.Reason"/> says why). A failed <c>test</c> of the
    /// resourceVersion is one too (the real API server does not say which test failed): re-read to tell.
    /// </summary>
    Invalid,
}
