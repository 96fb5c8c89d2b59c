namespace MqttKube.Tests.Support.RealKube;

/// <summary>A request to the real API server that did not succeed.</summary>
public sealed class KubeHttpException(HttpMethod method, string path, KubeResponse response)
    : Exception($"{method} {path}: HTTP {response.Code}: {(response.Text.Length > 2000 ? response.Text[..2000] + "…" : response.Text)}")
{
    public KubeResponse Response { get; } = response;

    public int Code => Response.Code;
}
