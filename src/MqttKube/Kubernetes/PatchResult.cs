using System.Text.Json.Nodes;

namespace MqttKube.Kubernetes;

/// <summary>The outcome, the object as it is afterwards (null when not found), and how many reads it took.</summary>
internal sealed record PatchResult(PatchOutcome Outcome, JsonObject? Object, int Attempts);
