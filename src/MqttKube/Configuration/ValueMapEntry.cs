using MqttKube.Configuration.Yaml;

namespace MqttKube.Configuration;

/// <summary>One <c>input: output</c> entry of a value map, with its YAML types and positions.</summary>
internal sealed record ValueMapEntry(YamlScalar Key, YamlNode Output);
