using System.Text.Json.Nodes;

namespace MqttKube.Bindings.Ports;

/// <summary>The answer to one JSON Patch request (<see cref="IKubePort.PatchAsync"/>).</summary>
internal sealed record PatchResult(PatchStatus Status, JsonObject? Object = null, string? Reason = null);
