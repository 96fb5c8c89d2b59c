namespace MqttKube.JsonPath;

/// <summary>A JSON Patch that cannot be applied (a missing path, a failed <c>test</c>, …).</summary>
internal sealed class JsonPatchException(string message) : Exception(message);
