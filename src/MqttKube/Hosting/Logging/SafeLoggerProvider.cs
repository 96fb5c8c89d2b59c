using Microsoft.Extensions.Logging;

namespace MqttKube.Hosting.Logging;

/// <summary>
/// Sits in front of the console logger (or any other): every entry reaches the formatters (the text line, the built-in
/// JSON and systemd ones) with its message and arguments escaped and cut (<see cref="LogText"/>, <see cref="LogMessage"/>),
/// an exception reduced to its message (appended to the message as <c>(reason)</c>, and in the state as <c>Error</c>:
/// users never see stack traces), and its category shortened to the component
/// (<c>MqttKube.Mqtt.MqttConnection</c> → <c>mqtt</c>). So no payload can forge a line or reach the terminal in any format.
/// </summary>
internal sealed class SafeLoggerProvider(ILoggerProvider inner) : ILoggerProvider
{
    public ILogger CreateLogger(string categoryName) => new SafeLogger(inner.CreateLogger(Component(categoryName)));

    public void Dispose() => inner.Dispose();

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

    private sealed class SafeLogger(ILogger inner) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => inner.IsEnabled(logLevel);

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!inner.IsEnabled(logLevel))
            {
                return;
            }

            // The only generic step: each [LoggerMessage] state is a struct of its own, so the rest is shared code.
            Write(logLevel, eventId, state as IReadOnlyList<KeyValuePair<string, object?>>, formatter(state, exception), exception);
        }

        private void Write(LogLevel logLevel, EventId eventId, IReadOnlyList<KeyValuePair<string, object?>>? values, string formatted, Exception? exception)
        {
            var message = LogText.Escape(LogMessage.Of(values, formatted));
            var error = exception is null ? null : LogText.Safe(exception.GetBaseException().Message);
            var safe = SafeState.Of(values, error is null ? message : $"{message} ({error})", error);
            inner.Log(logLevel, eventId, safe, null, static (s, _) => s.Message);
        }
    }
}
