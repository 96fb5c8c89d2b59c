namespace MqttKube.Mqtt;

/// <summary>Server-authenticated TLS.</summary>
internal sealed record MqttTlsOptions
{
    /// <summary>PEM file of the CA(s) that sign the broker's certificate; null uses the system trust store.</summary>
    public string? CaFile { get; init; }

    /// <summary>Skip every check of the broker's certificate (chain and host name).</summary>
    public bool Insecure { get; init; }
}
