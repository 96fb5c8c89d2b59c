using System.Text.Json.Nodes;

namespace MqttKube.Kubernetes;

/// <summary>
/// The outcome, the object as it is afterwards (null when not found), how many reads it took, and how many times
/// the object changed under the patch (each one a resourceVersion conflict, retried).
/// </summary>
internal sealed record PatchResult(PatchOutcome Outcome, JsonObject? Object, int Attempts, int Conflicts = 0);
