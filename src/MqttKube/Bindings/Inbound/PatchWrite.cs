using System.Text.Json.Nodes;

namespace MqttKube.Bindings.Inbound;

/// <summary>
/// The outcome of a guarded write, the object afterwards (when known), the requests it took, and how many times the
/// object changed under it (each a resourceVersion conflict, retried).
/// </summary>
internal sealed record PatchWrite(PatchWriteOutcome Outcome, JsonObject? Object, int Attempts, int Conflicts, string? Problem = null);
