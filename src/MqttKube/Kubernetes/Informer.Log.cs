using Microsoft.Extensions.Logging;

namespace MqttKube.Kubernetes;

internal sealed partial class Informer
{
    [LoggerMessage(EventId = 5001, Level = LogLevel.Debug, Message = "Listed {What}: {Count} objects at resourceVersion {ResourceVersion}")]
    private static partial void LogListed(ILogger logger, string what, int count, string? resourceVersion);

    [LoggerMessage(EventId = 5002, Level = LogLevel.Warning, Message = "Watch of {What} failed, retrying in {Delay:0.0} s: {Reason}")]
    private static partial void LogFailed(ILogger logger, string what, double delay, string reason);

    [LoggerMessage(EventId = 5003, Level = LogLevel.Information, Message = "Watch of {What} expired (410 Gone); listing again")]
    private static partial void LogGone(ILogger logger, string what);

    [LoggerMessage(EventId = 5004, Level = LogLevel.Error, Message = "A subscriber of {What} failed on {Name}")]
    private static partial void LogHandlerFailed(ILogger logger, Exception exception, string what, string? name);

    [LoggerMessage(EventId = 5006, Level = LogLevel.Warning, Message = "Skipped {Kind} {Namespace}/{Name} in the watch of {What}: it cannot be read ({Reason}); the other objects are watched as usual")]
    private static partial void LogSkipped(ILogger logger, string kind, string @namespace, string name, string what, string reason);

    [LoggerMessage(EventId = 5005, Level = LogLevel.Information, Message = "Watch of {What} recovered")]
    private static partial void LogRecovered(ILogger logger, string what);
}
