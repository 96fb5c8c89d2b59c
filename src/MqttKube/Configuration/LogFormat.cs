using MqttKube.Configuration.Schema;

namespace MqttKube.Configuration;

[ConfigEnum]
internal enum LogFormat
{
    [ConfigName("text")]
    Text,

    [ConfigName("json")]
    Json,
}
