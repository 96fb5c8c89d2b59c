using System.Text.Json.Nodes;

namespace MqttKube.Tests.Support.RealKube;

/// <summary>One answer of the real API server.</summary>
public sealed record RealKubeResponse(int Code, JsonNode? Body, string Text, IReadOnlyList<string> Warnings)
{
    public string? Reason => (string?)Body?["reason"];

    public string? Message => (string?)Body?["message"];
}
