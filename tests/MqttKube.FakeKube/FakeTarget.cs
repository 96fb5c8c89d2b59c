namespace MqttKube.FakeKube;

/// <summary>What a resource path addresses.</summary>
internal sealed record FakeTarget(FakeResource Resource, string? Namespace, string? Name, string? Subresource);
