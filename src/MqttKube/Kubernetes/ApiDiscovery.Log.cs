using Microsoft.Extensions.Logging;

namespace MqttKube.Kubernetes;

internal sealed partial class ApiDiscovery
{
    [LoggerMessage(EventId = 7500, Level = LogLevel.Debug, Message = "Discovery: {Count} resource types from {Requests} requests in {Milliseconds:0} ms")]
    private static partial void LogDiscovered(ILogger logger, int count, int requests, double milliseconds);

    [LoggerMessage(EventId = 7501, Level = LogLevel.Debug, Message = "Discovery ahead of the bindings failed ({Reason}); the bindings' lookups try again")]
    private static partial void LogPrefetchFailed(ILogger logger, string reason);
}
