namespace MqttKube.Kubernetes;

/// <summary>The Kubernetes configuration cannot be loaded; the message says which file and why.</summary>
internal sealed class KubeConnectionException(string message, Exception? inner = null) : Exception(message, inner);
