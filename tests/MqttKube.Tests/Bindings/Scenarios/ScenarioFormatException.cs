using YamlDotNet.RepresentationModel;

namespace MqttKube.Tests.Bindings.Scenarios;

/// <summary>A case file that does not follow the format (README.md): where, and what was expected.</summary>
internal sealed class ScenarioFormatException(YamlNode node, string message)
    : Exception($"line {node.Start.Line}, column {node.Start.Column}: {message}");
