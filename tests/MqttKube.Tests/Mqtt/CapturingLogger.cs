using Microsoft.Extensions.Logging;

namespace MqttKube.Tests.Mqtt;

/// <summary>An <see cref="ILogger{T}"/> that keeps every entry, at every level, for assertions.</summary>
internal sealed class CapturingLogger<T> : ILogger<T>
{
    private readonly List<LogEntry> entries = [];

    public IReadOnlyList<LogEntry> Entries
    {
        get
        {
            lock (entries)
            {
                return [.. entries];
            }
        }
    }

    /// <summary>Called with each entry as it is logged, on the logging thread (after it is kept).</summary>
    public Action<LogEntry>? Logged { get; set; }

    public int Count(int eventId) => Entries.Count(e => e.EventId == eventId);

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        var entry = new LogEntry(logLevel, eventId.Id, formatter(state, exception), exception);
        lock (entries)
        {
            entries.Add(entry);
        }

        Logged?.Invoke(entry);
    }

    public override string ToString() => string.Join("\n", Entries.Select(e => $"{e.Level} {e.EventId} {e.Message}"));
}
