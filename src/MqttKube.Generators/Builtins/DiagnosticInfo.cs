namespace MqttKube.Generators.Builtins;

/// <summary>A diagnostic to report, by descriptor id and message arguments.</summary>
public sealed record DiagnosticInfo(string Id, LocationInfo? Location, string Argument);
