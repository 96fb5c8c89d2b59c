using Microsoft.Extensions.Logging;

namespace MqttKube.Tests.Mqtt;

internal sealed record LogEntry(LogLevel Level, int EventId, string Message, Exception? Exception);
