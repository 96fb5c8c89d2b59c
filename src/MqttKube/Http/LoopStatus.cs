namespace MqttKube.Http;

/// <summary>One of the service's own loops (dispatcher, watch loops...): liveness is "every loop alive".</summary>
/// <param name="Name">The loop's name, as shown in health reasons (for example <c>mqtt</c>).</param>
/// <param name="Alive">False when the loop has ended or is wedged.</param>
/// <param name="Reason">Why it is not alive (shown in the 503 answer); ignored while alive.</param>
internal sealed record LoopStatus(string Name, bool Alive, string? Reason);
