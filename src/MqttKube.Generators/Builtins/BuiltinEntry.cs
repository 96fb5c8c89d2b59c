namespace MqttKube.Generators.Builtins;

/// <summary>One entry of an emitted table.</summary>
public sealed record BuiltinEntry(string PythonName, string MethodName);
