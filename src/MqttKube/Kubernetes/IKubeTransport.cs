namespace MqttKube.Kubernetes;

/// <summary>The authenticated HTTP pipeline to one API server; request URIs are relative (`/api/v1/...`).</summary>
internal interface IKubeTransport
{
    Uri BaseUri { get; }

    Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, HttpCompletionOption completion, CancellationToken cancellationToken);
}
