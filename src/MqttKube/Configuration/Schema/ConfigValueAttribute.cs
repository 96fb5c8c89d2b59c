namespace MqttKube.Configuration.Schema;

/// <summary>
/// A value type with a hand-written binder: it implements <see cref="IConfigValue{TSelf}"/>, and
/// <see cref="Schema"/> is its JSON Schema fragment.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
internal sealed class ConfigValueAttribute(string schema) : Attribute
{
    public string Schema { get; } = schema;
}
