namespace MqttKube.Generators.Builtins;

/// <summary>A location that compares by value (file path and spans), unlike <c>Location</c>.</summary>
public sealed record LocationInfo(string FilePath, int Start, int Length, int StartLine, int StartColumn, int EndLine, int EndColumn);
