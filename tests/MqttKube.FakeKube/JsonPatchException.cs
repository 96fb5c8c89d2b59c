namespace MqttKube.FakeKube;

/// <summary>A JSON Patch that cannot be decoded (bad request) or applied (422).</summary>
public sealed class JsonPatchException(string message, bool badRequest = false) : Exception(message)
{
    public bool BadRequest { get; } = badRequest;
}
