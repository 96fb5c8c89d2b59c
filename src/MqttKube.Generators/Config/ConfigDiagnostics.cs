using Microsoft.CodeAnalysis;

namespace MqttKube.Generators.Config;

/// <summary>Every diagnostic the config generator reports.</summary>
public static class ConfigDiagnostics
{
    public static readonly DiagnosticDescriptor UnsupportedType = new(
        "MQK0001", "Unsupported config property type", "{0}", "MqttKube.Config", DiagnosticSeverity.Error, true);

    public static readonly DiagnosticDescriptor NotPartial = new(
        "MQK0002", "Config type must be a partial record", "{0}", "MqttKube.Config", DiagnosticSeverity.Error, true);

    public static readonly DiagnosticDescriptor NotInitOnly = new(
        "MQK0003", "Config property needs an init accessor", "{0}", "MqttKube.Config", DiagnosticSeverity.Error, true);

    public static DiagnosticDescriptor ById(string id) => id switch
    {
        "MQK0001" => UnsupportedType,
        "MQK0002" => NotPartial,
        _ => NotInitOnly,
    };
}
