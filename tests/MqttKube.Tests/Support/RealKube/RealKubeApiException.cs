namespace MqttKube.Tests.Support.RealKube;

/// <summary>A request to the real API server that did not succeed.</summary>
public sealed class RealKubeApiException(HttpMethod method, string path, RealKubeResponse response)
    : Exception($"{method} {path}: HTTP {response.Code}: {(response.Text.Length > 2000 ? response.Text[..2000] + "…" : response.Text)}")
{
    public RealKubeResponse Response { get; } = response;

    public int Code => Response.Code;
}
