namespace MqttKube.Mqtt;

/// <summary>Authentication to the broker: the fields used depend on <see cref="Kind"/>.</summary>
internal sealed record MqttAuthOptions
{
    /// <summary>Anonymous access.</summary>
    public static MqttAuthOptions None { get; } = new();

    public MqttAuthKind Kind { get; init; } = MqttAuthKind.None;

    // basic
    public string? Username { get; init; }

    /// <summary>The password; wins over <see cref="PasswordFile"/>.</summary>
    public string? Password { get; init; }

    /// <summary>A file holding the password (a trailing newline is ignored); read on every connection attempt.</summary>
    public string? PasswordFile { get; init; }

    // mtls
    /// <summary>PEM CA file that verifies the broker (mtls); <see cref="MqttTlsOptions.CaFile"/> wins when both are set.</summary>
    public string? CaFile { get; init; }

    /// <summary>PEM client certificate.</summary>
    public string? CertFile { get; init; }

    /// <summary>PEM client key (PKCS#1, SEC1 or PKCS#8; an encrypted PKCS#8 key needs <see cref="KeyFilePassword"/>).</summary>
    public string? KeyFile { get; init; }

    public string? KeyFilePassword { get; init; }

    /// <summary>ALPN protocols offered in the TLS handshake (e.g. <c>x-amzn-mqtt-ca</c>).</summary>
    public IReadOnlyList<string> Protocols { get; init; } = [];
}
