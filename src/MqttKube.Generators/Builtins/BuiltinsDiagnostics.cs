using Microsoft.CodeAnalysis;

namespace MqttKube.Generators.Builtins;

/// <summary>Diagnostics of the builtins generator (MQK1001-MQK1099).</summary>
public static class BuiltinsDiagnostics
{
    public static readonly DiagnosticDescriptor BadSignature = new(
        "MQK1001",
        "Invalid builtin signature",
        "Builtin method '{0}' must be 'static PyValue {0}(in CallArgs args)'",
        "MqttKube.Builtins",
        DiagnosticSeverity.Error,
        isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor DuplicateName = new(
        "MQK1002",
        "Duplicate builtin name",
        "The Python name '{0}' is declared more than once in this class",
        "MqttKube.Builtins",
        DiagnosticSeverity.Error,
        isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor ClassNotStaticPartial = new(
        "MQK1003",
        "Builtin class must be static partial",
        "The class '{0}' holding [PyBuiltin] methods must be a top-level 'static partial' class",
        "MqttKube.Builtins",
        DiagnosticSeverity.Error,
        isEnabledByDefault: true);

    public static DiagnosticDescriptor? Find(string id) => id switch
    {
        "MQK1001" => BadSignature,
        "MQK1002" => DuplicateName,
        "MQK1003" => ClassNotStaticPartial,
        _ => null,
    };
}
