namespace MqttKube.Http;

/// <summary>Leader election as the status page and <c>mqtt_kube_leader</c> show it.</summary>
/// <param name="Leading">This replica acts (handles commands, writes, publishes).</param>
/// <param name="Identity">This replica's name in the lease.</param>
/// <param name="Holder">The holder this replica last saw (null: none).</param>
/// <param name="Lease">The lease as <c>namespace/name</c>.</param>
internal sealed record LeaderStatus(bool Leading, string Identity, string? Holder, string Lease);
