namespace MqttKube.Generators.Config.Model;

/// <summary>How a config key's value (or a list's item) is read.</summary>
public enum ValueKind
{
    String,
    Int,
    Long,
    Double,
    Bool,
    Enum,
    Object,
    Value,
}
