using k8s;

namespace MqttKube.Kubernetes;

/// <summary>
/// One API server connection: KubernetesClient.Aot reads the configuration (kubeconfig, in-cluster, exec plugins);
/// the HTTP pipeline is ours (<see cref="KubeHttpHandler"/>, <see cref="KubeCredentials"/>), one kept-alive pool of
/// connections, with requests sent raw (we handle objects as JSON, never as typed models).
/// </summary>
internal sealed class KubeConnection : IKubeTransport, IDisposable
{
    private readonly HttpClient _http;
    private readonly KubeCredentials _credentials;
    private readonly string? _tlsServerName;

    public KubeConnection(KubernetesClientConfiguration configuration, string source, System.Net.IWebProxy? proxy = null)
    {
        if (string.IsNullOrWhiteSpace(configuration.Host) || !Uri.TryCreate(configuration.Host, UriKind.Absolute, out var host)
            || (host.Scheme != Uri.UriSchemeHttps && host.Scheme != Uri.UriSchemeHttp))
        {
            throw new KubeConnectionException($"{source}: the server address is not an http(s) URL: {configuration.Host}");
        }

        BaseUri = host;
        Source = source;
        DefaultNamespace = string.IsNullOrWhiteSpace(configuration.Namespace) ? null : configuration.Namespace.Trim();
        Proxy = proxy;
        _tlsServerName = string.IsNullOrWhiteSpace(configuration.TlsServerName) ? null : configuration.TlsServerName;
        _credentials = KubeCredentials.From(configuration);
        _http = new HttpClient(KubeHttpHandler.Create(configuration, proxy)) { Timeout = Timeout.InfiniteTimeSpan };
    }

    /// <summary>Where the configuration came from (for logs): `kubeconfig /home/u/.kube/config`, `in-cluster`.</summary>
    public string Source { get; }

    /// <summary>The kubeconfig context's namespace, or the pod's namespace in-cluster.</summary>
    public string? DefaultNamespace { get; }

    public System.Net.IWebProxy? Proxy { get; }

    public Uri BaseUri { get; }

    public async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, HttpCompletionOption completion, CancellationToken cancellationToken)
    {
        if (request.RequestUri is { IsAbsoluteUri: false } relative)
        {
            request.RequestUri = new Uri(BaseUri.AbsoluteUri.TrimEnd('/') + relative.OriginalString);
        }

        if (_tlsServerName != null)
        {
            // The TLS layer takes the name to ask for (SNI) and to check the certificate against from the Host header.
            request.Headers.Host = _tlsServerName;
        }

        await _credentials.ApplyAsync(request, cancellationToken).ConfigureAwait(false);
        return await _http.SendAsync(request, completion, cancellationToken).ConfigureAwait(false);
    }

    public void Dispose() => _http.Dispose();
}
