namespace MqttKube.Configuration.Schema;

/// <summary>A <c>YamlMapping?</c> property that receives the section's own YAML node (positions, the raw tree).</summary>
[AttributeUsage(AttributeTargets.Property, Inherited = false)]
internal sealed class ConfigNodeAttribute : Attribute;
