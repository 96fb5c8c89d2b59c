namespace MqttKube.Hosting;

/// <summary>The service cannot start (the web server's port is taken, …): a clear message, exit 1.</summary>
internal sealed class ServiceStartException(string message, Exception? inner = null) : Exception(message, inner);
