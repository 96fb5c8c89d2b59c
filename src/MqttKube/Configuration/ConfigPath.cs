using MqttKube.Configuration.Schema;
using MqttKube.Configuration.Yaml;

namespace MqttKube.Configuration;

/// <summary>
/// A file path in the config. <c>!relpath PATH</c> resolves against the config file's folder; a plain path is
/// taken as written (relative to the working directory, as in the original).
/// </summary>
[ConfigValue("{ \"type\": \"string\", \"description\": \"A file path; tag it !relpath to resolve it against the config file's folder.\" }")]
internal sealed class ConfigPath : IConfigValue<ConfigPath>
{
    private ConfigPath(string text, string path, bool relative, SourcePosition position, string display)
    {
        Display = display;
        Text = text;
        Path = path;
        IsRelPath = relative;
        Position = position;
    }

    /// <summary>The path as written.</summary>
    public string Text { get; }

    /// <summary>The path to open.</summary>
    public string Path { get; }

    public bool IsRelPath { get; }

    /// <summary>The path for messages: relative paths stay relative (to the config file's folder as named).</summary>
    public string Display { get; }

    public SourcePosition Position { get; }

    public static ConfigPath? Bind(YamlNode node, ConfigBindContext context, string path)
    {
        if (node is not YamlScalar scalar || (scalar.IsNull && scalar.Tag is null))
        {
            if (node is not YamlScalar)
            {
                context.Error(node, $"'{path}' must be a file path, not {node.Describe()}");
            }

            return null;
        }

        if (scalar.Value.Length == 0 || scalar.Value.Contains('\0'))
        {
            context.Error(node, $"'{path}' must be a file path, not an empty string");
            return null;
        }

        var relative = scalar.Tag == ConfigTags.RelPath;
        var resolved = relative ? System.IO.Path.GetFullPath(System.IO.Path.Combine(context.BaseDirectory, scalar.Value)) : scalar.Value;
        var display = relative && !System.IO.Path.IsPathRooted(scalar.Value)
            ? System.IO.Path.Combine(System.IO.Path.GetDirectoryName(context.File) ?? string.Empty, scalar.Value)
            : scalar.Value;
        return new ConfigPath(scalar.Value, resolved, relative, scalar.Position, display);
    }

    public void Dump(ConfigDumpWriter writer) => writer.Line(ToString());

    /// <summary>As written, so dumps do not depend on the machine.</summary>
    public override string ToString() => (IsRelPath ? "!relpath " : string.Empty) + ConfigDumpWriter.Quote(Text);
}
