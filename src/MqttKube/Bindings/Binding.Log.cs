using Microsoft.Extensions.Logging;

namespace MqttKube.Bindings;

internal sealed partial class Binding
{
    [LoggerMessage(EventId = 4401, Level = LogLevel.Information, Message = "{Path} {Target} is running ({Type})")]
    private static partial void LogStarted(ILogger logger, string path, string target, string type);

    [LoggerMessage(EventId = 4402, Level = LogLevel.Warning, Message = "{Path} {Target} cannot start: {Reason}; retrying in {Seconds:0.#} s")]
    private static partial void LogCannotStart(ILogger logger, string path, string target, string reason, double seconds);

    [LoggerMessage(EventId = 7101, Level = LogLevel.Information, Message = "{Path}: bound {Object}")]
    private static partial void LogBound(ILogger logger, string path, string @object);

    [LoggerMessage(EventId = 7102, Level = LogLevel.Information, Message = "{Path}: unbound {Object} ({Reason}); its retained topics are cleared")]
    private static partial void LogUnbound(ILogger logger, string path, string @object, string reason);

    [LoggerMessage(EventId = 7103, Level = LogLevel.Warning, Message = "{Path}: no bound object has the topic {Topic}; '{Payload}' dropped")]
    private static partial void LogNoObject(ILogger logger, string path, string topic, string payload);

    [LoggerMessage(EventId = 7104, Level = LogLevel.Warning, Message = "{Path}: {Topic} is the topic of {First} and of {Second}; commands on it go to {First}")]
    private static partial void LogClaimed(ILogger logger, string path, string topic, string first, string second);

    [LoggerMessage(EventId = 7105, Level = LogLevel.Information, Message = "{Path} is not ready ({Reason}): '{Payload}' on {Topic} is held until it is")]
    private static partial void LogHeld(ILogger logger, string path, string reason, string payload, string topic);

    [LoggerMessage(EventId = 7106, Level = LogLevel.Warning, Message = "{Path}: '{Payload}' on {Topic} dropped: held {Seconds:0} s while the binding was not ready ({Reason})")]
    private static partial void LogHeldTooLong(ILogger logger, string path, string payload, string topic, double seconds, string reason);

    [LoggerMessage(EventId = 7107, Level = LogLevel.Warning, Message = "{Path}: '{Payload}' on {Topic} dropped: {Capacity} commands are held already")]
    private static partial void LogHeldFull(ILogger logger, string path, string payload, string topic, int capacity);
}
