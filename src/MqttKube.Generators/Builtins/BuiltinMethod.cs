namespace MqttKube.Generators.Builtins;

/// <summary>One annotated method.</summary>
public sealed record BuiltinMethod(
    string Namespace,
    string ClassName,
    string PythonName,
    string MethodName,
    DiagnosticInfo? Diagnostic);
