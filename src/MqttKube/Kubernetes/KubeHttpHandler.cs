using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;

namespace MqttKube.Kubernetes;

/// <summary>
/// The <see cref="SocketsHttpHandler"/> to one API server as kubectl sets it up from a configuration: the proxy, the
/// server's certificate checked against the kubeconfig's CA (or the system's roots when there is none, or not at all
/// with `insecure-skip-tls-verify`), the client certificate, TCP and HTTP/2 keep-alive for long watches.
/// </summary>
internal static class KubeHttpHandler
{
    /// <summary>As client-go's dialer: give up connecting after 30 s, probe idle connections every 30 s.</summary>
    private static readonly TimeSpan ConnectTimeout = TimeSpan.FromSeconds(30);
    private const int KeepAliveSeconds = 30;

    public static SocketsHttpHandler Create(KubeSettings settings, IWebProxy? proxy)
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
        handler.SslOptions.RemoteCertificateValidationCallback = ServerCertificateCheck(settings);
        if (ClientCertificate(settings) is { } context)
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
    /// The kubeconfig's CA replaces the system's roots, as in kubectl; the host name is checked either way (against
    /// `tls-server-name` when the kubeconfig sets one: <see cref="KubeConnection"/> sends it as the Host).
    /// </summary>
    private static RemoteCertificateValidationCallback? ServerCertificateCheck(KubeSettings settings)
    {
        if (settings.SkipTlsVerify)
        {
            return static (_, _, _, _) => true;
        }

        if (settings.CaCertificates is not { Count: > 0 } roots)
        {
            return null; // the system's roots
        }

        return (_, certificate, chain, errors) =>
            (errors & ~SslPolicyErrors.RemoteCertificateChainErrors) == SslPolicyErrors.None
            && certificate is X509Certificate2 server && ChainsTo(server, chain, roots);
    }

    private static bool ChainsTo(X509Certificate2 server, X509Chain? presented, X509Certificate2Collection roots)
    {
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.AddRange(roots);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        if (presented != null)
        {
            chain.ChainPolicy.ExtraStore.AddRange(presented.ChainPolicy.ExtraStore); // intermediates the server sent
        }

        return chain.Build(server);
    }

    /// <summary>The client certificate (PEM), with any intermediates after it.</summary>
    private static SslStreamCertificateContext? ClientCertificate(KubeSettings settings)
    {
        if (settings.ClientCertificatePem is not { } certificatePem || settings.ClientKeyPem is not { } keyPem)
        {
            return null;
        }

        var certificate = X509Certificate2.CreateFromPem(certificatePem, keyPem);
        var all = new X509Certificate2Collection();
        all.ImportFromPem(certificatePem);
        all.RemoveAt(0); // the leaf: what remains are the intermediates
        return SslStreamCertificateContext.Create(certificate, all, offline: true);
    }
}
