using MqttKube.Configuration.Schema;

namespace MqttKube.Configuration;

[ConfigEnum]
internal enum OnExists
{
    [ConfigName("skip")]
    Skip,

    [ConfigName("replace")]
    Replace,
}
