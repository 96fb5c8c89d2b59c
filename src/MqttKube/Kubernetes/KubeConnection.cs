using k8s;

namespace MqttKube.Kubernetes;

/// <summary>
/// One API server connection from KubernetesClient's configuration (kubeconfig or in-cluster): the HTTP pipeline is
/// ours, one kept-alive pool of connections (<see cref="KubeHttpHandler"/>), the package's credentials on each request
/// (<see cref="KubeCredentials"/>), requests sent raw (objects are handled as JSON, never as the package's models).
/// The pool is made at the first request: its client certificate's chain is checked then, not while the service starts.
/// </summary>
internal sealed class KubeConnection : IKubeTransport, IDisposable
{
    private readonly Lazy<HttpClient> http;
    private readonly KubeCredentials credentials;
    private readonly string? tlsServerName;

    public KubeConnection(KubernetesClientConfiguration configuration, string source, System.Net.IWebProxy? proxy = null)
    {
        BaseUri = ServerOf(configuration, source);
        Source = source;
        DefaultNamespace = string.IsNullOrWhiteSpace(configuration.Namespace) ? null : configuration.Namespace.Trim();
        tlsServerName = string.IsNullOrWhiteSpace(configuration.TlsServerName) ? null : configuration.TlsServerName;
        credentials = new KubeCredentials(configuration);
        UsesPlatformTrust = (BaseUri.Scheme == Uri.UriSchemeHttps && !configuration.SkipTlsVerify && configuration.SslCaCerts is not { Count: > 0 })
            || (proxy as System.Net.WebProxy)?.Address?.Scheme == Uri.UriSchemeHttps; // an HTTPS proxy's certificate is the platform's to check
        var clientCertificate = KubeHttpHandler.ClientCertificate(configuration); // read now: a bad certificate or key fails the start
        http = new(() => new HttpClient(KubeHttpHandler.Create(configuration, proxy, clientCertificate)) { Timeout = Timeout.InfiniteTimeSpan });
    }

    /// <summary>The server's URL; the package takes any absolute URI (`kube:6443` is one, of scheme `kube`).</summary>
    public static Uri ServerOf(KubernetesClientConfiguration configuration, string source) =>
        Uri.TryCreate(configuration.Host, UriKind.Absolute, out var server) && (server.Scheme == Uri.UriSchemeHttps || server.Scheme == Uri.UriSchemeHttp)
            ? server
            : throw new KubeConnectionException($"{source}: the server is not an http(s) URL: {configuration.Host}");

    /// <summary>Where the configuration came from (for logs): `kubeconfig /home/u/.kube/config`, `in-cluster`.</summary>
    public string Source { get; }

    /// <summary>The kubeconfig context's namespace, or the pod's namespace in-cluster.</summary>
    public string? DefaultNamespace { get; }

    public Uri BaseUri { get; }

    /// <summary>Whether a certificate is checked against the platform's CAs: the server's (HTTPS, no CA in the configuration, verification on) or an HTTPS proxy's.</summary>
    public bool UsesPlatformTrust { get; }

    public async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, HttpCompletionOption completion, CancellationToken cancellationToken)
    {
        if (request.RequestUri is { IsAbsoluteUri: false } relative)
        {
            request.RequestUri = new Uri(BaseUri.AbsoluteUri.TrimEnd('/') + relative.OriginalString);
        }

        if (tlsServerName != null)
        {
            // The TLS layer takes the name to ask for (SNI) and to check the certificate against from the Host header.
            request.Headers.Host = tlsServerName;
        }

        // HTTP/2 where the server offers it (TLS, as kube-apiserver does): every watch and request on one connection,
        // as client-go does, instead of one TLS connection per open watch (23 for 10 bindings: 1.9 MB more RSS).
        request.Version = System.Net.HttpVersion.Version20;
        request.VersionPolicy = HttpVersionPolicy.RequestVersionOrLower;
        await credentials.ApplyAsync(request, cancellationToken).ConfigureAwait(false);
        return await http.Value.SendAsync(request, completion, cancellationToken).ConfigureAwait(false);
    }

    public void Dispose()
    {
        if (http.IsValueCreated)
        {
            http.Value.Dispose();
        }
    }
}
