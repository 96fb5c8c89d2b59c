using k8s;

namespace MqttKube.Kubernetes;

/// <summary>
/// One API server connection: KubernetesClient.Aot supplies configuration, TLS and credentials; requests are sent raw
/// (the AOT client has no watch and we handle objects as JSON).
/// </summary>
internal sealed class KubeConnection : IKubeTransport, IDisposable
{
    private readonly k8s.Kubernetes _client;

    public KubeConnection(KubernetesClientConfiguration configuration, string source, System.Net.IWebProxy? proxy = null)
    {
        if (configuration.Host is { } host && host.StartsWith("https:", StringComparison.OrdinalIgnoreCase)
            && !configuration.SkipTlsVerify && configuration.SslCaCerts == null)
        {
            // No CA in the kubeconfig: trust the system's roots (the client would refuse to start otherwise).
            configuration.SslCaCerts = [];
        }

        configuration.FirstMessageHandlerSetup = handler =>
        {
            handler.UseProxy = proxy != null;
            handler.Proxy = proxy;
        };
        _client = new k8s.Kubernetes(configuration);
        Source = source;
        DefaultNamespace = string.IsNullOrWhiteSpace(configuration.Namespace) ? null : configuration.Namespace.Trim();
        Proxy = proxy;
    }

    /// <summary>Where the configuration came from (for logs): `kubeconfig /home/u/.kube/config`, `in-cluster`.</summary>
    public string Source { get; }

    /// <summary>The kubeconfig context's namespace, or the pod's namespace in-cluster.</summary>
    public string? DefaultNamespace { get; }

    public System.Net.IWebProxy? Proxy { get; }

    public Uri BaseUri => _client.BaseUri;

    public async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, HttpCompletionOption completion, CancellationToken cancellationToken)
    {
        if (request.RequestUri is { IsAbsoluteUri: false } relative)
        {
            request.RequestUri = new Uri(BaseUri.AbsoluteUri.TrimEnd('/') + relative.OriginalString);
        }

        if (_client.Credentials != null)
        {
            await _client.Credentials.ProcessHttpRequestAsync(request, cancellationToken).ConfigureAwait(false);
        }

        return await _client.HttpClient.SendAsync(request, completion, cancellationToken).ConfigureAwait(false);
    }

    public void Dispose() => _client.Dispose();
}
