using MqttKube.Configuration;
using MqttKube.Mqtt;

namespace MqttKube.Hosting;

/// <summary>The config's <c>mqtt:</c> block as the MQTT layer's options.</summary>
internal static class MqttOptionsFactory
{
    public static MqttOptions Create(MqttConfig config) => new()
    {
        Host = config.Host,
        Port = config.Port,
        ClientId = config.ClientId,
        ClientIdSuffix = config.ClientIdSuffix,
        TopicPrefix = config.TopicPrefix,
        Protocol = config.Protocol == Configuration.MqttProtocol.V5 ? Mqtt.MqttProtocol.V5 : Mqtt.MqttProtocol.V311,
        KeepAlive = TimeSpan.FromSeconds(config.Keepalive),
        SubscriptionQos = config.Qos,
        StatusTopic = config.StatusTopic,
        Tls = config.Tls is null ? null : new MqttTlsOptions { CaFile = config.Tls.Cafile?.Path, Insecure = config.Tls.Insecure },
        Auth = config.Auth.Type switch
        {
            AuthType.Basic => new MqttAuthOptions
            {
                Kind = MqttAuthKind.Basic,
                Username = config.Auth.Username,
                Password = config.Auth.Password,
                PasswordFile = config.Auth.PasswordFile?.Path,
            },
            AuthType.Mtls => new MqttAuthOptions
            {
                Kind = MqttAuthKind.Mtls,
                CaFile = config.Auth.Cafile?.Path,
                CertFile = config.Auth.Certfile?.Path,
                KeyFile = config.Auth.Keyfile?.Path,
                KeyFilePassword = config.Auth.KeyfilePassword,
                Protocols = config.Auth.Protocols,
            },
            _ => MqttAuthOptions.None,
        },
    };
}
