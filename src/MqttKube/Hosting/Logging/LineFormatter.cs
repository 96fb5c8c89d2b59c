using System.Globalization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Console;

namespace MqttKube.Hosting.Logging;

/// <summary>
/// The text line of SPEC 10: <c>2026-01-01T12:00:00.000 INFO [component] message (reason)</c>, UTC. The message (with
/// an error's reason) arrives escaped and cut already (<see cref="SafeLoggerProvider"/>), the category is the component.
/// </summary>
internal sealed class LineFormatter(TimeProvider? time = null) : ConsoleFormatter(FormatterName)
{
    /// <summary>The name <c>ConsoleLoggerOptions.FormatterName</c> selects it by.</summary>
    public const string FormatterName = "mqtt-kube";

    private readonly TimeProvider time = time ?? TimeProvider.System;

    public static string LevelName(LogLevel level) => level switch
    {
        LogLevel.Trace or LogLevel.Debug => "DEBUG",
        LogLevel.Information => "INFO",
        LogLevel.Warning => "WARNING",
        LogLevel.Error => "ERROR",
        _ => "CRITICAL",
    };

    public override void Write<TState>(in LogEntry<TState> logEntry, IExternalScopeProvider? scopeProvider, TextWriter textWriter)
    {
        var message = logEntry.Formatter(logEntry.State, logEntry.Exception);
        textWriter.Write(time.GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff", CultureInfo.InvariantCulture));
        textWriter.Write(' ');
        textWriter.Write(LevelName(logEntry.LogLevel));
        textWriter.Write(" [");
        textWriter.Write(logEntry.Category);
        textWriter.Write("] ");
        textWriter.Write(message);
        textWriter.Write('\n');
    }
}
