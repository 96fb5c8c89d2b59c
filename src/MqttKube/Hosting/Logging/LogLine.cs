using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.Extensions.Logging;

namespace MqttKube.Hosting.Logging;

/// <summary>
/// Formats one log line as text or JSON. Exceptions add their message only: users never see stack traces. The message
/// is escaped by <see cref="LogText.Escape"/> in both formats, so both show the same text and neither can be split.
/// </summary>
internal static class LogLine
{
    public static string LevelName(LogLevel level) => level switch
    {
        LogLevel.Trace or LogLevel.Debug => "DEBUG",
        LogLevel.Information => "INFO",
        LogLevel.Warning => "WARNING",
        LogLevel.Error => "ERROR",
        _ => "CRITICAL",
    };

    public static string Text(DateTimeOffset time, LogLevel level, string component, string message, Exception? exception)
    {
        var text = $"{Time(time)} {LevelName(level)} [{component}] {LogText.Escape(message)}";
        return exception is null ? text : $"{text} ({LogText.Safe(exception.GetBaseException().Message)})";
    }

    public static string Json(DateTimeOffset time, LogLevel level, string component, EventId eventId, string message, Exception? exception)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            writer.WriteStartObject();
            writer.WriteString("time", Time(time) + "Z");
            writer.WriteString("level", LevelName(level));
            writer.WriteString("component", component);
            writer.WriteString("message", LogText.Escape(message));
            if (eventId.Id != 0)
            {
                writer.WriteNumber("event", eventId.Id);
            }

            if (exception is not null)
            {
                writer.WriteString("error", LogText.Safe(exception.GetBaseException().Message));
            }

            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static string Time(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff", CultureInfo.InvariantCulture);
}
