using System.Text.Json.Nodes;

namespace MqttKube.FakeKube;

/// <summary>Raised inside the fake to answer with a `Status` object.</summary>
public sealed class FakeApiException(int code, JsonObject status) : Exception(status["message"]?.GetValue<string>())
{
    public int Code { get; } = code;

    public JsonObject Status { get; } = status;
}
