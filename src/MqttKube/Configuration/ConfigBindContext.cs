using MqttKube.Configuration.Yaml;

namespace MqttKube.Configuration;

/// <summary>What binding a config file needs: where it is (for <c>!relpath</c>) and where problems go.</summary>
internal sealed class ConfigBindContext(string path, DiagnosticBag diagnostics, string? displayName = null)
{
    /// <summary>The file as named in messages.</summary>
    public string File { get; } = displayName ?? path;

    /// <summary>The folder <c>!relpath</c> resolves against.</summary>
    public string BaseDirectory { get; } = Path.GetDirectoryName(Path.GetFullPath(path)) ?? ".";

    public DiagnosticBag Diagnostics { get; } = diagnostics;

    public void Error(YamlNode node, string message) => Diagnostics.Add(File, node.Position, message);

    public void Error(SourcePosition position, string message) => Diagnostics.Add(File, position, message);
}
