using MqttKube.Configuration.Schema;

namespace MqttKube.Configuration;

[ConfigObject("Logging.")]
internal sealed partial record LoggingConfig
{
    [ConfigKey("Log level: DEBUG (the default, as in the original), INFO, WARNING, ERROR or CRITICAL; any case.")]
    public LogLevelName Level { get; init; } = LogLevelName.Debug;

    [ConfigKey("Log line format: text or json (one object per line).")]
    public LogFormat Format { get; init; } = LogFormat.Text;
}
