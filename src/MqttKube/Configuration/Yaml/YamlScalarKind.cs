namespace MqttKube.Configuration.Yaml;

/// <summary>The resolved type of a scalar.</summary>
internal enum YamlScalarKind
{
    Null,
    Bool,
    Int,
    Float,
    String,
}
