using System.Text.Json.Nodes;

namespace MqttKube.FakeKube;

/// <summary>One change in the store's history (what etcd would keep until compaction).</summary>
internal sealed record StoredEvent(long Rv, string StorageKey, string? Namespace, string Type, JsonObject? Old, JsonObject Object);
