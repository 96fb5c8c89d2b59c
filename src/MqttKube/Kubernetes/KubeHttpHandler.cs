using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using k8s;

namespace MqttKube.Kubernetes;

/// <summary>
/// The <see cref="SocketsHttpHandler"/> to one API server as kubectl sets it up from KubernetesClient's configuration:
/// the proxy, the server's certificate checked against the kubeconfig's CA (or the system's roots when there is none,
/// or not at all with `insecure-skip-tls-verify`), the client certificate, TCP and HTTP/2 keep-alive for long watches.
/// </summary>
internal static class KubeHttpHandler
{
    /// <summary>As client-go's dialer: give up connecting after 30 s, probe idle connections every 30 s.</summary>
    private static readonly TimeSpan ConnectTimeout = TimeSpan.FromSeconds(30);
    private const int KeepAliveSeconds = 30;

    public static SocketsHttpHandler Create(KubernetesClientConfiguration configuration, IWebProxy? proxy)
    {
        var handler = new SocketsHttpHandler
        {
            UseProxy = proxy != null,
            Proxy = proxy,
            UseCookies = false,
            AllowAutoRedirect = false,
            ConnectTimeout = ConnectTimeout,
            ConnectCallback = ConnectAsync,
            EnableMultipleHttp2Connections = true, // past the server's stream limit (watches stay open), a second connection
            KeepAlivePingDelay = TimeSpan.FromSeconds(KeepAliveSeconds), // a dead HTTP/2 connection would stall every watch
            KeepAlivePingTimeout = TimeSpan.FromSeconds(15),
        };
        handler.SslOptions.RemoteCertificateValidationCallback = ServerCertificateCheck(configuration);
        if (ClientCertificate(configuration) is { } context)
        {
            handler.SslOptions.ClientCertificateContext = context;
        }

        return handler;
    }

    private static async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            socket.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.KeepAlive, true);
            socket.SetSocketOption(SocketOptionLevel.Tcp, SocketOptionName.TcpKeepAliveTime, KeepAliveSeconds);
            socket.SetSocketOption(SocketOptionLevel.Tcp, SocketOptionName.TcpKeepAliveInterval, KeepAliveSeconds);
            await socket.ConnectAsync(context.DnsEndPoint, cancellationToken).ConfigureAwait(false);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    /// <summary>
    /// The kubeconfig's CA replaces the system's roots, as in kubectl, through the package's check
    /// (<see cref="k8s.Kubernetes.CertificateValidationCallBack"/>). The host name is checked here first: the package's
    /// check passes a certificate for another name when its chain needed the kubeconfig's CA. The name is
    /// `tls-server-name` when the kubeconfig sets one (<see cref="KubeConnection"/> sends it as the Host).
    /// </summary>
    private static RemoteCertificateValidationCallback? ServerCertificateCheck(KubernetesClientConfiguration configuration)
    {
        if (configuration.SkipTlsVerify)
        {
            return static (_, _, _, _) => true;
        }

        if (configuration.SslCaCerts is not { Count: > 0 } roots)
        {
            return null; // the system's roots
        }

        return (sender, certificate, chain, errors) =>
            (errors & SslPolicyErrors.RemoteCertificateNameMismatch) == SslPolicyErrors.None && certificate != null && chain != null
            && k8s.Kubernetes.CertificateValidationCallBack(sender, roots, certificate, chain, errors);
    }

    /// <summary>The client certificate (PEM, intermediates after it) with its key: inline data wins over a file, as in kubectl.</summary>
    private static SslStreamCertificateContext? ClientCertificate(KubernetesClientConfiguration configuration)
    {
        var certificatePem = Pem(configuration.ClientCertificateData, configuration.ClientCertificateFilePath);
        var keyPem = Pem(configuration.ClientCertificateKeyData, configuration.ClientKeyFilePath);
        if (certificatePem == null || keyPem == null)
        {
            return null;
        }

        var certificate = X509Certificate2.CreateFromPem(certificatePem, keyPem);
        var all = new X509Certificate2Collection();
        all.ImportFromPem(certificatePem);
        all.RemoveAt(0); // the leaf: what remains are the intermediates
        return SslStreamCertificateContext.Create(certificate, all, offline: true);
    }

    /// <summary>The package keeps inline data as base64 of the PEM text, as kubeconfigs carry it.</summary>
    private static string? Pem(string? base64, string? path) =>
        !string.IsNullOrWhiteSpace(base64) ? System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(base64))
        : !string.IsNullOrWhiteSpace(path) ? Configuration.InputFile.ReadText(path)
        : null;
}
