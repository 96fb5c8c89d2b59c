namespace MqttKube.Configuration.Schema;

/// <summary>An enum whose members are written in the config as their <see cref="ConfigNameAttribute"/> names (any case).</summary>
[AttributeUsage(AttributeTargets.Enum, Inherited = false)]
internal sealed class ConfigEnumAttribute : Attribute;
