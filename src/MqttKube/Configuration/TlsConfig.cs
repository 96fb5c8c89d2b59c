using MqttKube.Configuration.Schema;

namespace MqttKube.Configuration;

[ConfigObject("Server-authenticated TLS to the broker.")]
internal sealed partial record TlsConfig
{
    [ConfigKey("CA certificate (PEM) that signed the broker's certificate; default: the system's trusted CAs.")]
    public ConfigPath? Cafile { get; init; }

    [ConfigKey("Skip verification of the broker's certificate (unsafe; for testing only).")]
    public bool Insecure { get; init; }
}
