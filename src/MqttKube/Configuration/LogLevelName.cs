using MqttKube.Configuration.Schema;

namespace MqttKube.Configuration;

[ConfigEnum]
internal enum LogLevelName
{
    [ConfigName("DEBUG")]
    Debug,

    [ConfigName("INFO")]
    Info,

    [ConfigName("WARNING", "WARN")]
    Warning,

    [ConfigName("ERROR")]
    Error,

    [ConfigName("CRITICAL")]
    Critical,
}
