namespace MqttKube.Benchmarks.Service;

/// <summary>
/// One start of the service: milliseconds from process start to MQTT connected (the <c>status</c> topic's
/// <c>online</c>), to every watch's first value received, and to <c>/readyz</c> answering 200 (null when it never did).
/// </summary>
internal sealed record Started(ServiceProcess Process, string Prefix, BenchClient Client, int HttpPort, double ConnectedMs, double WatchesMs, double? ReadyzMs);
