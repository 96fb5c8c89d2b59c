using System.Security.Cryptography.X509Certificates;

namespace MqttKube.Kubernetes;

/// <summary>How to reach and authenticate to one API server: what a kubeconfig context or a pod's service account says.</summary>
internal sealed record KubeSettings
{
    public required Uri Server { get; init; }

    /// <summary>The context's namespace, or the pod's.</summary>
    public string? Namespace { get; init; }

    /// <summary>The CA to check the server's certificate against; null: the system's roots.</summary>
    public X509Certificate2Collection? CaCertificates { get; init; }

    public bool SkipTlsVerify { get; init; }

    /// <summary>The name the server's certificate must carry, when it is not the server URL's host.</summary>
    public string? TlsServerName { get; init; }

    /// <summary>A fixed bearer token.</summary>
    public string? Token { get; init; }

    /// <summary>A bearer token that changes (token file, exec plugin): asked for each request.</summary>
    public IBearerTokenSource? TokenSource { get; init; }

    public string? Username { get; init; }

    public string? Password { get; init; }

    /// <summary>The client certificate (PEM, intermediates after it) and its key.</summary>
    public string? ClientCertificatePem { get; init; }

    public string? ClientKeyPem { get; init; }
}
