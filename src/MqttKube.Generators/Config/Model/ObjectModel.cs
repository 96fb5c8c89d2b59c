using MqttKube.Generators.Common;

namespace MqttKube.Generators.Config.Model;

/// <summary>A <c>[ConfigObject]</c> record: its keys and how to bind them.</summary>
public sealed record ObjectModel(
    string Namespace,
    string Name,
    string FullName,
    string Description,
    bool IsRoot,
    bool Validates,
    string? NodeProperty,
    EquatableArray<PropertyModel> Properties,
    EquatableArray<DiagnosticInfo> Diagnostics);
