using System.Text.Json.Nodes;

namespace MqttKube.Tests.Support.RealKube;

/// <summary>One answer of an API server (the real one or the fake), as a test reads it.</summary>
public sealed record KubeResponse(int Code, JsonNode? Body, string Text, IReadOnlyList<string> Warnings)
{
    public string? Reason => (string?)Body?["reason"];

    public string? Message => (string?)Body?["message"];
}
