namespace MqttKube.Kubernetes;

/// <summary>A snapshot of one shared list+watch, for readiness, metrics and the status page.</summary>
internal sealed record InformerStatus(ResourceType Type, string? Namespace, bool Synced, string? LastError, int Restarts, int Objects, int Subscribers, string? LabelSelector = null);
