using Microsoft.Extensions.Logging;

namespace MqttKube.Bindings.Inbound;

internal abstract partial class InboundAssociation
{
    [LoggerMessage(EventId = 4103, Level = LogLevel.Warning, Message = "dropped a message on {Topic}: {Capacity} messages are already waiting")]
    private static partial void LogQueueFull(ILogger logger, string topic, int capacity);

    [LoggerMessage(EventId = 4104, Level = LogLevel.Error, Message = "{Target}: handling a message on {Topic} failed: {Reason}")]
    private static partial void LogFailed(ILogger logger, string target, string topic, string reason);

    [LoggerMessage(EventId = 4105, Level = LogLevel.Warning, Message = "{Target}: the API failed ({Reason}); retrying in {Seconds:0.##} s")]
    private static partial void LogRetry(ILogger logger, string target, string reason, double seconds);

    [LoggerMessage(EventId = 4106, Level = LogLevel.Information, Message = "{Target} is not ready yet ({Reason}): '{Payload}' on {Topic} is held until it is")]
    private static partial void LogHeld(ILogger logger, string target, string reason, string payload, string topic);

    [LoggerMessage(EventId = 4107, Level = LogLevel.Warning, Message = "dropped '{Payload}' on {Topic}: {Target} was not ready within {Seconds:0.#} s ({Reason})")]
    private static partial void LogHeldTooLong(ILogger logger, string payload, string topic, string target, double seconds, string reason);
}
