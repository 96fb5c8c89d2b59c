using MqttKube.Configuration.Yaml;

namespace MqttKube.Configuration.Schema;

/// <summary>A config value bound by hand (see <see cref="ConfigValueAttribute"/>).</summary>
internal interface IConfigValue<TSelf>
    where TSelf : class, IConfigValue<TSelf>
{
    /// <summary>Binds <paramref name="node"/>, reporting problems to <paramref name="context"/>; null when unusable.</summary>
    static abstract TSelf? Bind(YamlNode node, ConfigBindContext context, string path);

    void Dump(ConfigDumpWriter writer);
}
