using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Console;
using MqttKube.Configuration;
using MqttKube.Hosting.Logging;

namespace MqttKube.Tests.Support;

/// <summary>
/// The service's logging as <c>mqtt-kube run</c> sets it up (<see cref="ServiceLogging.AddServiceLog"/>: the same
/// formatters behind the same <see cref="SafeLoggerProvider"/>), but writing to a <see cref="TextWriter"/> instead of
/// the process's standard error, so a test can read the lines.
/// </summary>
internal static class TestLogs
{
    /// <summary>The formatter the service uses for <paramref name="format"/> (under systemd or not).</summary>
    public static ConsoleFormatter Formatter(LogFormat format, bool underSystemd = false)
    {
        var config = new LoggingConfig { Format = format };
        var services = new ServiceCollection();
        services.AddLogging(b => b.AddServiceLog(config));
        var provider = services.BuildServiceProvider();
        return provider.GetServices<ConsoleFormatter>().Single(f => f.Name == ServiceLogging.FormatterFor(config, underSystemd));
    }

    /// <summary>Logs at <paramref name="minimum"/> and up, in <paramref name="format"/>, to <paramref name="output"/>.</summary>
    public static void WriteTo(this ILoggingBuilder builder, TextWriter output, LogFormat format = LogFormat.Text, LogLevel minimum = LogLevel.Debug, bool underSystemd = false)
    {
        builder.SetMinimumLevel(minimum);
        builder.AddProvider(new SafeLoggerProvider(new WriterProvider(Formatter(format, underSystemd), output)));
    }

    /// <summary>A logger factory that logs as <see cref="WriteTo"/> does.</summary>
    public static ILoggerFactory Factory(TextWriter output, LogFormat format = LogFormat.Text, bool underSystemd = false) =>
        LoggerFactory.Create(b => b.WriteTo(output, format, underSystemd: underSystemd));

    private sealed class WriterProvider(ConsoleFormatter formatter, TextWriter output) : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => new WriterLogger(formatter, output, categoryName);

        public void Dispose()
        {
        }
    }

    private sealed class WriterLogger(ConsoleFormatter formatter, TextWriter output, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> render)
        {
            var line = new StringWriter();
            formatter.Write(new LogEntry<TState>(logLevel, category, eventId, state, exception, render), null, line);
            lock (output)
            {
                output.Write(line.ToString());
                output.Flush();
            }
        }
    }
}
