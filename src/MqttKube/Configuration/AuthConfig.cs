using System.Collections.Immutable;
using MqttKube.Configuration.Schema;

namespace MqttKube.Configuration;

[ConfigObject("Broker authentication: none, basic (username and password) or mtls (client certificate).")]
internal sealed partial record AuthConfig : IConfigValidation
{
    [ConfigKey("Authentication type: none, basic or mtls.")]
    public AuthType Type { get; init; } = AuthType.None;

    [ConfigKey("basic: user name.")]
    public string? Username { get; init; }

    [ConfigKey("basic: password (prefer password-file, or the MQTT_KUBE_MQTT_PASSWORD environment variable).", Secret = true)]
    public string? Password { get; init; }

    [ConfigKey("basic: file holding the password (keeps secrets out of ConfigMaps).")]
    public ConfigPath? PasswordFile { get; init; }

    [ConfigKey("mtls: CA certificate (PEM) used to verify the broker.")]
    public ConfigPath? Cafile { get; init; }

    [ConfigKey("mtls: client certificate (PEM).")]
    public ConfigPath? Certfile { get; init; }

    [ConfigKey("mtls: client private key (PEM).")]
    public ConfigPath? Keyfile { get; init; }

    [ConfigKey("mtls: password of an encrypted private key.", Name = "keyfile_password", Aliases = ["keyfile-password"], Secret = true)]
    public string? KeyfilePassword { get; init; }

    [ConfigKey("mtls: ALPN protocols offered in the TLS handshake.")]
    public ImmutableArray<string> Protocols { get; init; } = [];
}
