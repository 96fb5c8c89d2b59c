namespace MqttKube.Kubernetes;

/// <summary>What an exec credential plugin printed: a bearer token and/or a client certificate (PEM), maybe an expiry.</summary>
internal sealed record ExecCredential(string? Token, DateTimeOffset? Expires, string? CertificatePem, string? KeyPem);
