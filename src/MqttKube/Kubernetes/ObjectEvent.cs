using System.Text.Json.Nodes;

namespace MqttKube.Kubernetes;

/// <summary>
/// One change seen by a subscription. <see cref="Object"/> is the object (the last known state for Deleted; null for
/// Absent and Synced); handlers must not modify it.
/// </summary>
internal sealed record ObjectEvent(ObjectEventType Type, string? Namespace, string? Name, JsonObject? Object)
{
    public string? ResourceVersion => (string?)Object?["metadata"]?["resourceVersion"];
}
