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

    /// <summary>
    /// The handler; <paramref name="clientCertificate"/> is <see cref="ClientCertificate"/>'s answer, read beforehand so
    /// a bad certificate or key is reported at once, while this (which checks its chain, reading the platform's CAs
    /// unless <see cref="Tls.PlatformTrustStore"/> left them out) can wait for the first request.
    /// </summary>
    public static SocketsHttpHandler Create(KubernetesClientConfiguration configuration, IWebProxy? proxy, (X509Certificate2 Leaf, X509Certificate2Collection Intermediates)? clientCertificate)
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
        if (clientCertificate is var (leaf, intermediates))
        {
            handler.SslOptions.ClientCertificateContext = SslStreamCertificateContext.Create(leaf, intermediates, offline: true);
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
    /// The kubeconfig's CA replaces the platform's roots, as in kubectl: the server's certificate must chain to one of
    /// its certificates (which may be an intermediate, or the server's own certificate), whatever the platform trusts,
    /// and name the server (`tls-server-name` when the kubeconfig sets one: <see cref="KubeConnection"/> sends it as
    /// the Host). Without a CA the platform's verdict stands; `insecure-skip-tls-verify` checks nothing.
    /// </summary>
    internal static RemoteCertificateValidationCallback? ServerCertificateCheck(KubernetesClientConfiguration configuration)
    {
        if (configuration.SkipTlsVerify)
        {
            return static (_, _, _, _) => true;
        }

        if (configuration.SslCaCerts is not { Count: > 0 } roots)
        {
            return null; // the platform's roots
        }

        return (_, certificate, presented, errors) => ChainsToPinned(certificate, presented, errors, roots);
    }

    /// <summary>
    /// True when <paramref name="certificate"/> names the server and its chain (built from what the server presented
    /// and one of <paramref name="roots"/> at a time, so CAs of the same name, as in a CA rotation, do not hide each
    /// other; no revocation checks or downloads) passes through that root. The platform's verdict on the chain (in
    /// <paramref name="errors"/>) is not taken: a certificate the platform trusts but the kubeconfig's CA did not sign is refused.
    /// </summary>
    private static bool ChainsToPinned(X509Certificate? certificate, X509Chain? presented, SslPolicyErrors errors, X509Certificate2Collection roots)
    {
        if (certificate is null || (errors & (SslPolicyErrors.RemoteCertificateNameMismatch | SslPolicyErrors.RemoteCertificateNotAvailable)) != 0)
        {
            return false;
        }

        var leaf = certificate as X509Certificate2 ?? X509CertificateLoader.LoadCertificate(certificate.GetRawCertData());
        foreach (var root in roots)
        {
            using var chain = new X509Chain();
            chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
            chain.ChainPolicy.DisableCertificateDownloads = true;
            chain.ChainPolicy.VerificationFlags = X509VerificationFlags.AllowUnknownCertificateAuthority;
            chain.ChainPolicy.ExtraStore.Add(root);
            if (presented is not null)
            {
                foreach (var element in presented.ChainElements)
                {
                    chain.ChainPolicy.ExtraStore.Add(element.Certificate);
                }
            }

            if (chain.Build(leaf) && chain.ChainElements.Any(e => e.Certificate.RawData.AsSpan().SequenceEqual(root.RawData)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The client certificate (PEM, intermediates after it) with its key: inline data wins over a file, as in kubectl.</summary>
    public static (X509Certificate2 Leaf, X509Certificate2Collection Intermediates)? ClientCertificate(KubernetesClientConfiguration configuration)
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
        return (certificate, all);
    }

    /// <summary>The package keeps inline data as base64 of the PEM text, as kubeconfigs carry it.</summary>
    private static string? Pem(string? base64, string? path) =>
        !string.IsNullOrWhiteSpace(base64) ? System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(base64))
        : !string.IsNullOrWhiteSpace(path) ? Configuration.InputFile.ReadText(path)
        : null;
}
