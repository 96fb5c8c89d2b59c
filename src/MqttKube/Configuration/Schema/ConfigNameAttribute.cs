namespace MqttKube.Configuration.Schema;

/// <summary>The spellings of an enum member in the config; the first is the canonical one.</summary>
[AttributeUsage(AttributeTargets.Field, Inherited = false)]
internal sealed class ConfigNameAttribute(params string[] names) : Attribute
{
    public string[] Names { get; } = names;
}
