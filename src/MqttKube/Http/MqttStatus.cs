namespace MqttKube.Http;

/// <summary>The state of the MQTT connection as the HTTP server shows it.</summary>
/// <param name="Connected">Whether the client is connected now.</param>
/// <param name="Broker">The broker as <c>host:port</c>.</param>
/// <param name="ClientId">The client id in use.</param>
/// <param name="Since">When the connection state last changed (null before the first attempt ended).</param>
/// <param name="LastError">Why the last attempt failed or the connection was lost, if it did.</param>
internal sealed record MqttStatus(bool Connected, string Broker, string ClientId, DateTimeOffset? Since, string? LastError);
