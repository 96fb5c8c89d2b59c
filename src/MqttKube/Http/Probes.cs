using System.Buffers;
using System.Text.Json;

namespace MqttKube.Http;

/// <summary>The answers of the liveness (<c>/api/health</c>, <c>/healthz</c>) and readiness (<c>/readyz</c>) probes.</summary>
internal static class Probes
{
    /// <summary>Liveness: 200 <c>{"health":"okay"}</c> while every loop is alive, else 503 with the reasons.</summary>
    public static HttpAnswer Health(IStatusView status)
    {
        var reasons = HealthReasons(status);
        return reasons.Count == 0
            ? new HttpAnswer(200, HttpAnswer.Json, Json(w => w.WriteString("health", "okay")))
            : new HttpAnswer(503, HttpAnswer.Json, Json(w =>
            {
                w.WriteString("health", "failing");
                WriteReasons(w, reasons);
            }));
    }

    /// <summary>Readiness: 200 <c>{"ready":true}</c> when MQTT is connected, every watch synced and no binding waits.</summary>
    public static HttpAnswer Readiness(IStatusView status)
    {
        var reasons = ReadinessReasons(status);
        return new HttpAnswer(reasons.Count == 0 ? 200 : 503, HttpAnswer.Json, Json(w =>
        {
            w.WriteBoolean("ready", reasons.Count == 0);
            if (reasons.Count > 0)
            {
                WriteReasons(w, reasons);
            }
        }));
    }

    /// <summary>Why the service is not alive: one reason per dead loop (empty when alive).</summary>
    public static List<string> HealthReasons(IStatusView status)
    {
        ArgumentNullException.ThrowIfNull(status);
        var reasons = new List<string>();
        foreach (var loop in status.Loops)
        {
            if (!loop.Alive)
            {
                reasons.Add($"{loop.Name}: {(string.IsNullOrEmpty(loop.Reason) ? "not alive" : loop.Reason)}");
            }
        }

        return reasons;
    }

    /// <summary>Why the service is not ready (empty when ready).</summary>
    public static List<string> ReadinessReasons(IStatusView status)
    {
        ArgumentNullException.ThrowIfNull(status);
        var reasons = new List<string>();
        var mqtt = status.Mqtt;
        if (!mqtt.Connected)
        {
            reasons.Add(string.IsNullOrEmpty(mqtt.LastError)
                ? $"mqtt: not connected to {mqtt.Broker}"
                : $"mqtt: not connected to {mqtt.Broker} ({mqtt.LastError})");
        }

        foreach (var binding in status.Bindings)
        {
            if (!binding.IsRunning)
            {
                reasons.Add($"{binding.Id}: {binding.State}");
            }

            foreach (var association in binding.Associations)
            {
                if (!association.Synced)
                {
                    reasons.Add($"{binding.Id} {association.Kind} {association.Topic}: not synced");
                }
            }
        }

        return reasons;
    }

    private static void WriteReasons(Utf8JsonWriter writer, List<string> reasons)
    {
        writer.WriteStartArray("reasons");
        foreach (var reason in reasons)
        {
            writer.WriteStringValue(reason);
        }

        writer.WriteEndArray();
    }

    private static byte[] Json(Action<Utf8JsonWriter> writeProperties)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writeProperties(writer);
            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }
}
