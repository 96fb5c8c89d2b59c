using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting.Systemd;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;
using MqttKube.Configuration;

namespace MqttKube.Hosting.Logging;

/// <summary>
/// The service's logging (SPEC 10) on Microsoft.Extensions.Logging's console logger, to standard error: the text line of
/// <see cref="LineFormatter"/>, the built-in JSON formatter for <c>format: json</c>, or under systemd (text) the built-in
/// systemd formatter (<c>&lt;6&gt;component[event] message</c>: the journal stamps and ranks each line). Every entry
/// passes <see cref="SafeLoggerProvider"/> first. Options are set in code: no configuration binding.
/// </summary>
internal static class ServiceLogging
{
    public static LogLevel ToLogLevel(LogLevelName level) => level switch
    {
        LogLevelName.Debug => LogLevel.Debug,
        LogLevelName.Info => LogLevel.Information,
        LogLevelName.Warning => LogLevel.Warning,
        LogLevelName.Error => LogLevel.Error,
        _ => LogLevel.Critical,
    };

    /// <summary>The formatter <paramref name="config"/> asks for, here (systemd or not).</summary>
    public static string FormatterFor(LoggingConfig config, bool underSystemd) => config.Format switch
    {
        LogFormat.Json => ConsoleFormatterNames.Json,
        _ when underSystemd => ConsoleFormatterNames.Systemd,
        _ => LineFormatter.FormatterName,
    };

    /// <summary>Logs as <paramref name="config"/> says, to standard error.</summary>
    public static ILoggingBuilder AddServiceLog(this ILoggingBuilder builder, LoggingConfig config)
    {
        builder.SetMinimumLevel(ToLogLevel(config.Level));

        // The console logger's built-in formatters (JSON, systemd, simple), without the rest of AddConsole: its options
        // are bound from the logging configuration, which the service does not have, so they are made here instead.
        var console = new ServiceCollection();
        console.AddLogging(b => b.AddConsole());
        foreach (var formatter in console.Where(d => d.ServiceType == typeof(ConsoleFormatter)))
        {
            builder.Services.Add(formatter);
        }

        builder.Services.AddSingleton<ConsoleFormatter>(_ => new LineFormatter());
        builder.Services.AddPrebuiltOptions(new ConsoleLoggerOptions
        {
            FormatterName = FormatterFor(config, SystemdHelpers.IsSystemdService()),
            LogToStandardErrorThreshold = LogLevel.Trace,
        });
        builder.Services.AddPrebuiltOptions(new JsonConsoleFormatterOptions
        {
            TimestampFormat = "yyyy-MM-dd'T'HH:mm:ss.fff'Z'",
            UseUtcTimestamp = true,
            JsonWriterOptions = new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping },
        });
        builder.Services.AddPrebuiltOptions(new ConsoleFormatterOptions());
        builder.Services.AddPrebuiltOptions(new SimpleConsoleFormatterOptions());

        // The console logger, behind the escaping of SafeLoggerProvider.
        builder.Services.RemoveAll<ILoggerProvider>();
        builder.Services.AddSingleton<ILoggerProvider>(sp => new SafeLoggerProvider(
            new ConsoleLoggerProvider(sp.GetRequiredService<IOptionsMonitor<ConsoleLoggerOptions>>(), sp.GetServices<ConsoleFormatter>())));
        return builder;
    }
}
