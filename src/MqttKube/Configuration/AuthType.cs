using MqttKube.Configuration.Schema;

namespace MqttKube.Configuration;

[ConfigEnum]
internal enum AuthType
{
    [ConfigName("none")]
    None,

    [ConfigName("basic")]
    Basic,

    [ConfigName("mtls")]
    Mtls,
}
