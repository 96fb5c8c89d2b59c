namespace MqttKube.Configuration.Schema;

/// <summary>
/// Marks a <c>partial record</c> as a section of the config file. The source generator emits its YAML binder
/// (<c>BindYaml</c>), its dump (<c>Dump</c>) and its part of the JSON Schema. Keys are the properties'
/// kebab-case names unless <see cref="ConfigKeyAttribute"/> says otherwise.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
internal sealed class ConfigObjectAttribute(string description) : Attribute
{
    public string Description { get; } = description;

    /// <summary>The type of the whole file.</summary>
    public bool Root { get; init; }
}
