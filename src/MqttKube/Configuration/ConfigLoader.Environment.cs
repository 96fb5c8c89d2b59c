namespace MqttKube.Configuration;

internal static partial class ConfigLoader
{
    /// <summary><c>MQTT_KUBE_MQTT_PASSWORD</c> and <c>MQTT_KUBE_LOG_LEVEL</c> override the file.</summary>
    private static MqttKubeConfig ApplyEnvironment(MqttKubeConfig config, Func<string, string?> environment, DiagnosticBag diagnostics)
    {
        var password = environment(PasswordVariable);
        if (!string.IsNullOrEmpty(password))
        {
            config = config with { Mqtt = config.Mqtt with { Auth = config.Mqtt.Auth with { Password = password, PasswordFile = null } } };
        }

        var level = environment(LogLevelVariable);
        if (!string.IsNullOrWhiteSpace(level))
        {
            if (LogLevelNameConfig.TryParse(level.Trim(), out var parsed))
            {
                config = config with { Logging = config.Logging with { Level = parsed } };
            }
            else
            {
                diagnostics.Add("$" + LogLevelVariable, SourcePosition.Start, $"must be one of {LogLevelNameConfig.Names}, not '{level}'");
            }
        }

        return config;
    }
}
