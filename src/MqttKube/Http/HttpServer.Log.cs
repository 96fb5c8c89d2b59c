using Microsoft.Extensions.Logging;

namespace MqttKube.Http;

internal sealed partial class HttpServer
{
    [LoggerMessage(9001, LogLevel.Information, "Listening on {Addresses} (at most {MaxConnections} requests at once)")]
    partial void LogListening(string addresses, int maxConnections);

    [LoggerMessage(9002, LogLevel.Debug, "{Method} {Path}: {StatusCode}")]
    partial void LogAnswered(string method, string path, int statusCode);

    [LoggerMessage(9003, LogLevel.Warning, "Refused {Method} {Path} with 503: {Max} requests already in progress (max-connections)")]
    partial void LogRefused(string method, string path, int max);

    [LoggerMessage(9004, LogLevel.Error, "Answering {Path} failed")]
    partial void LogAnswerFailed(string path, Exception exception);

    [LoggerMessage(9005, LogLevel.Debug, "{Method} {Path}: connection aborted ({Reason})")]
    partial void LogAborted(string method, string path, string reason);

    [LoggerMessage(9006, LogLevel.Warning, "Accepting a request failed: {Reason}")]
    partial void LogAcceptFailed(string reason);

    [LoggerMessage(9007, LogLevel.Warning, "{Count} requests still in progress after {Seconds} s; aborting them")]
    partial void LogDrainTimedOut(int count, double seconds);

    [LoggerMessage(9008, LogLevel.Information, "HTTP server stopped")]
    partial void LogStopped();
}
