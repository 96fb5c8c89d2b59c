using Microsoft.Extensions.Logging;

namespace MqttKube.Tests.Bindings.Scenarios;

/// <summary>Keeps every log line the runtime writes, as <c>warn: MESSAGE</c>, for a case's <c>logs</c> expectations.</summary>
internal sealed class RecordingLogs : ILoggerFactory, ILogger
{
    private readonly Lock gate = new();
    private readonly List<string> lines = [];
    private int taken;

    /// <summary>The lines since the last call.</summary>
    public List<string> Take()
    {
        lock (gate)
        {
            var since = lines.Skip(taken).ToList();
            taken = lines.Count;
            return since;
        }
    }

    public ILogger CreateLogger(string categoryName) => this;

    public void AddProvider(ILoggerProvider provider)
    {
    }

    public void Dispose()
    {
    }

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        var level = logLevel switch
        {
            LogLevel.Trace or LogLevel.Debug => "debug",
            LogLevel.Information => "info",
            LogLevel.Warning => "warn",
            _ => "error",
        };
        lock (gate)
        {
            lines.Add($"{level}: {formatter(state, exception)}");
        }
    }
}
