using MqttKube.Configuration.Schema;

namespace MqttKube.Configuration;

[ConfigEnum]
internal enum MqttProtocol
{
    [ConfigName("3.1.1", "3", "311")]
    V311,

    [ConfigName("5", "5.0")]
    V5,
}
