using Microsoft.Extensions.Logging;

namespace MqttKube.Bindings.Reload;

internal sealed partial class ConfigReloader
{
    [LoggerMessage(EventId = 7201, Level = LogLevel.Information, Message = "watching {Path} for changes (folder {Folder}) and taking SIGHUP to reload it")]
    private static partial void LogWatching(ILogger logger, string path, string folder);

    [LoggerMessage(EventId = 7202, Level = LogLevel.Debug, Message = "{Path}: the folder changed but the config and its templates did not")]
    private static partial void LogNoChange(ILogger logger, string path);

    [LoggerMessage(EventId = 7203, Level = LogLevel.Error, Message = "{Error}")]
    private static partial void LogError(ILogger logger, string error);

    [LoggerMessage(EventId = 7204, Level = LogLevel.Error, Message = "config reload: {Path} has {Count} error(s); the running config (generation {Generation}) is kept")]
    private static partial void LogInvalid(ILogger logger, string path, int count, int generation);

    [LoggerMessage(EventId = 7205, Level = LogLevel.Information, Message = "config reload: {Path} unchanged ({Kept} binding(s) keep running)")]
    private static partial void LogUnchanged(ILogger logger, string path, int kept);

    [LoggerMessage(EventId = 7206, Level = LogLevel.Information, Message = "config reload: {Path} applied as generation {Generation}: {Summary}")]
    private static partial void LogApplied(ILogger logger, string path, int generation, string summary);

    [LoggerMessage(EventId = 7207, Level = LogLevel.Error, Message = "config reload: applying {Path} failed: {Reason}")]
    private static partial void LogApplyFailed(ILogger logger, string path, string reason);

    [LoggerMessage(EventId = 7208, Level = LogLevel.Warning, Message = "config reload: the logging section changed; it applies at the next start")]
    private static partial void LogLoggingChanged(ILogger logger);

    [LoggerMessage(EventId = 7800, Level = LogLevel.Information, Message = "config reload: the topic prefix moved: {Count} retained topic(s) under '{Prefix}' are cleared")]
    private static partial void LogOldPrefixCleared(ILogger logger, string prefix, int count);
}
