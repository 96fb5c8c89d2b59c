using MqttKube.Generators.Common;

namespace MqttKube.Generators.Config.Model;

/// <summary>One key of a config section. Value-equatable: no symbols or syntax (STYLE.md).</summary>
public sealed record PropertyModel(
    string Name,
    string Key,
    EquatableArray<string> Aliases,
    string Description,
    bool Required,
    bool Secret,
    ValueKind Kind,
    bool IsNullable,
    bool IsList,
    bool OneOrMany,
    string TypeName,
    double Minimum,
    double Maximum,
    string? DefaultJson,
    EquatableArray<string> EnumNames,
    string? ValueSchema);
