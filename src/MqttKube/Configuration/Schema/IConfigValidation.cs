using MqttKube.Configuration.Yaml;

namespace MqttKube.Configuration.Schema;

/// <summary>Checks across keys of a section, run by the generated binder after binding it.</summary>
internal interface IConfigValidation
{
    void Validate(YamlMapping node, ConfigBindContext context, string path);
}
