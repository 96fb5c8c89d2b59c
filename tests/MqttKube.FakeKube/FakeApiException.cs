using System.Text.Json.Nodes;

namespace MqttKube.FakeKube;

/// <summary>Raised inside the fake to answer with a `Status` object; <paramref name="detail"/> (not sent) helps debugging the fake.</summary>
public sealed class FakeApiException(int code, JsonObject status, string? detail = null)
    : Exception(detail ?? status["message"]?.GetValue<string>())
{
    public int Code { get; } = code;

    public JsonObject Status { get; } = status;
}
