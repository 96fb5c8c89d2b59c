namespace MqttKube.JsonPath;

/// <summary>An evaluation ran out of its step budget (<see cref="JsonPathContext"/>); the message says so.</summary>
internal sealed class JsonPathBudgetException(string message) : Exception(message);
