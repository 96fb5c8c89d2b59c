using Microsoft.Extensions.Logging;

namespace MqttKube.Kubernetes;

internal sealed partial class ApiDiscovery
{
    [LoggerMessage(EventId = 7500, Level = LogLevel.Debug, Message = "Discovery: {Count} resource types from {Requests} requests in {Milliseconds:0} ms")]
    private static partial void LogDiscovered(ILogger logger, int count, int requests, double milliseconds);
}
