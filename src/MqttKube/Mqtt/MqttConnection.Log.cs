using Microsoft.Extensions.Logging;

namespace MqttKube.Mqtt;

internal sealed partial class MqttConnection
{
    [LoggerMessage(3001, LogLevel.Debug, "Connecting to {Host}:{Port} as {ClientId} (attempt {Attempt})")]
    partial void LogConnecting(string host, int port, string clientId, int attempt);

    [LoggerMessage(3002, LogLevel.Information, "Connected to {Host}:{Port} as {ClientId} (reconnect: {IsReconnect})")]
    partial void LogConnected(string host, int port, string clientId, bool isReconnect);

    [LoggerMessage(3003, LogLevel.Warning, "Connecting to {Host}:{Port} failed (attempt {Attempt}): {Reason}")]
    partial void LogConnectFailed(string host, int port, string reason, int attempt);

    [LoggerMessage(3004, LogLevel.Warning, "Broker {Host}:{Port} refused the connection (attempt {Attempt}): {Reason}")]
    partial void LogConnectRefused(string host, int port, string reason, int attempt);

    [LoggerMessage(3005, LogLevel.Warning, "Connection lost ({Reason}) {Detail}")]
    partial void LogConnectionLost(string reason, string detail);

    [LoggerMessage(3006, LogLevel.Warning, "Connection dropped while subscribing: {Reason}")]
    partial void LogConnectionSetupFailed(string reason);

    [LoggerMessage(3007, LogLevel.Information, "Reconnecting in {Seconds:0.##} s")]
    partial void LogReconnectIn(double seconds);

    [LoggerMessage(3008, LogLevel.Warning, "Rejected the certificate of {Host}: {Reason}")]
    partial void LogCertificateRejected(string host, string reason);

    [LoggerMessage(3009, LogLevel.Information, "MQTT client {ClientId} stopped")]
    partial void LogStopped(string clientId);

    [LoggerMessage(3010, LogLevel.Warning, "Clean stop incomplete (offline not published or disconnect failed): {Reason}")]
    partial void LogCleanStopFailed(string reason);

    [LoggerMessage(3011, LogLevel.Debug, "Subscribed to {Filter} (granted QoS {Qos})")]
    partial void LogSubscribed(string filter, int qos);

    [LoggerMessage(3012, LogLevel.Warning, "Broker refused the subscription to {Filter}: {ResultCode}")]
    partial void LogSubscribeRefused(string filter, string resultCode);

    [LoggerMessage(3013, LogLevel.Warning, "Subscribing to {Filter} failed (retried on reconnect): {Reason}")]
    partial void LogSubscribeFailed(string filter, string reason);

    [LoggerMessage(3014, LogLevel.Error, "Connected callback failed")]
    partial void LogConnectedCallbackFailed(Exception exception);

    [LoggerMessage(3015, LogLevel.Debug, "Received {Topic} (QoS {Qos}, retain {Retain}): {Payload}")]
    partial void LogReceived(string topic, int qos, bool retain, string payload);

    [LoggerMessage(3016, LogLevel.Warning, "Rejected a message on {Topic}: payload of {Length} bytes is over the {Max} bytes limit")]
    partial void LogOversizeReceived(string topic, int length, int max);

    [LoggerMessage(3017, LogLevel.Debug, "Dropped a message on {Topic}: outside the topic prefix")]
    partial void LogOutsidePrefix(string topic);

    [LoggerMessage(3019, LogLevel.Error, "Handler for {Filter} failed on a message on {Topic}")]
    partial void LogHandlerFailed(string topic, string filter, Exception exception);

    [LoggerMessage(3020, LogLevel.Debug, "No handler for a message on {Topic}")]
    partial void LogUnrouted(string topic);

    [LoggerMessage(3021, LogLevel.Debug, "Published {Topic} (QoS {Qos}, retain {Retain}): {Payload}")]
    partial void LogPublished(string topic, int qos, bool retain, string payload);

    [LoggerMessage(3022, LogLevel.Warning, "Not publishing to {Topic}: payload of {Length} bytes is over the {Max} bytes limit")]
    partial void LogOversizePublish(string topic, int length, int max);

    [LoggerMessage(3023, LogLevel.Warning, "Publishing to {Topic} failed: {Reason}")]
    partial void LogPublishFailed(string topic, string reason);

    [LoggerMessage(3024, LogLevel.Warning, "Broker refused the publish to {Topic}: {ReasonCode} {ReasonString}")]
    partial void LogPublishRefused(string topic, string reasonCode, string reasonString);

    [LoggerMessage(3025, LogLevel.Debug, "Offline: not published to {Topic} (published again after the reconnect)")]
    partial void LogNotPublishedOffline(string topic);

    [LoggerMessage(3029, LogLevel.Debug, "Unsubscribing from {Filter} failed: {Reason}")]
    partial void LogUnsubscribeFailed(string filter, string reason);
}
