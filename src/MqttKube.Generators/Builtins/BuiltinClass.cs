using MqttKube.Generators.Common;

namespace MqttKube.Generators.Builtins;

/// <summary>Everything emitted for one class.</summary>
public sealed record BuiltinClass(
    string Namespace,
    string ClassName,
    EquatableArray<BuiltinEntry> Entries,
    EquatableArray<DiagnosticInfo> Diagnostics);
