namespace MqttKube.Configuration.Schema;

/// <summary>Describes one key of a <see cref="ConfigObjectAttribute"/> section.</summary>
[AttributeUsage(AttributeTargets.Property, Inherited = false)]
internal sealed class ConfigKeyAttribute(string description) : Attribute
{
    public string Description { get; } = description;

    /// <summary>The key as written in YAML; default: the property name in kebab-case.</summary>
    public string? Name { get; init; }

    /// <summary>Other spellings accepted for the same key.</summary>
    public string[]? Aliases { get; init; }

    public bool Required { get; init; }

    /// <summary>A secret: dumps show <c>***</c> instead of the value.</summary>
    public bool Secret { get; init; }

    /// <summary>The key takes one item or a list of them (<c>watch</c>, <c>patch</c>, <c>action</c>).</summary>
    public bool OneOrMany { get; init; }

    /// <summary>Inclusive bounds of a number (both must be set).</summary>
    public double Minimum { get; init; } = double.NaN;

    public double Maximum { get; init; } = double.NaN;
}
