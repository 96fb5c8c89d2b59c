using Microsoft.Extensions.Logging;
using MqttKube.Configuration;

namespace MqttKube.Hosting.Logging;

/// <summary>
/// The service's log lines (SPEC 10): <c>2026-01-01T12:00:00.000 INFO [component] message</c>, or one JSON object per
/// line. A tiny <see cref="ILoggerFactory"/> of its own: no configuration binding, nothing to trim.
/// </summary>
internal sealed class LineLoggerProvider : ILoggerFactory
{
    private readonly TextWriter output;
    private readonly Lock gate = new();
    private readonly TimeProvider time;

    public LineLoggerProvider(LogLevel minimum, LogFormat format, TextWriter output, TimeProvider? time = null)
    {
        Minimum = minimum;
        Format = format;
        this.output = output;
        this.time = time ?? TimeProvider.System;
    }

    public LogLevel Minimum { get; }

    public LogFormat Format { get; }

    public static LogLevel ToLogLevel(LogLevelName level) => level switch
    {
        LogLevelName.Debug => LogLevel.Debug,
        LogLevelName.Info => LogLevel.Information,
        LogLevelName.Warning => LogLevel.Warning,
        LogLevelName.Error => LogLevel.Error,
        _ => LogLevel.Critical,
    };

    public ILogger CreateLogger(string categoryName) => new LineLogger(this, Component(categoryName));

    public void AddProvider(ILoggerProvider provider) => throw new NotSupportedException("the service writes its own log lines");

    public void Dispose()
    {
        lock (gate)
        {
            output.Flush();
        }
    }

    internal void Write(LogLevel level, string component, EventId eventId, string message, Exception? exception)
    {
        var line = Format == LogFormat.Json
            ? LogLine.Json(time.GetUtcNow(), level, component, eventId, message, exception)
            : LogLine.Text(time.GetUtcNow(), level, component, message, exception);
        lock (gate)
        {
            output.WriteLine(line);
            output.Flush();
        }
    }

    /// <summary><c>MqttKube.Mqtt.MqttConnection</c> → <c>mqtt</c>; short names stay as they are.</summary>
    internal static string Component(string category)
    {
        var last = category[(category.LastIndexOf('.') + 1)..];
        return last switch
        {
            "MqttConnection" => "mqtt",
            "SharedInformers" or "Informer" => "informer",
            "ApiDiscovery" => "discovery",
            _ => last.Length > 0 && char.IsUpper(last[0]) ? char.ToLowerInvariant(last[0]) + last[1..] : last,
        };
    }

    private sealed class LineLogger(LineLoggerProvider provider, string component) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= provider.Minimum && logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                provider.Write(logLevel, component, eventId, LogMessage.Of(state, formatter(state, exception)), exception);
            }
        }
    }
}
