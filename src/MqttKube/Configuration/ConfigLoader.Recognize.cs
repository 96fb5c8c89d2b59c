using System.Text.RegularExpressions;
using MqttKube.Configuration.Yaml;

namespace MqttKube.Configuration;

internal static partial class ConfigLoader
{
    /// <summary>
    /// Null when the text is a config (or empty), else where and why it is not. A config is a mapping with at least
    /// one of the top-level keys (or a near miss of one, so a typo still gets its "did you mean"); text that is not
    /// valid YAML counts as a config when a line starts with one of those keys. The reason never quotes the text.
    /// </summary>
    private static (SourcePosition Position, string Message)? NotAConfig(YamlNode? root, string text, DiagnosticBag yaml)
    {
        var keys = string.Join(", ", MqttKubeConfig.ConfigKeys);
        switch (root)
        {
            case null:
                return TopLevelKeyLine().IsMatch(text)
                    ? null
                    : (yaml.Items.Count > 0 ? yaml.Items[0].Position : SourcePosition.Start, $"it is not valid YAML, and no line starts with one of the keys {keys}");
            case YamlScalar { IsNull: true }:
                return null;
            case YamlScalar scalar:
                return (scalar.Position, $"it is a single {(scalar.Kind == YamlScalarKind.String ? "text" : "scalar")} value, not a mapping with the keys {keys}");
            case YamlSequence sequence:
                return (sequence.Position, $"it is a list, not a mapping with the keys {keys}");
            case YamlMapping mapping when !mapping.Entries.Any(e => e.Key is YamlScalar { Kind: YamlScalarKind.String } key && IsConfigKey(key.Value)):
                return (mapping.Position, $"it is a mapping with none of the keys {keys}");
            default:
                return null;
        }
    }

    private static bool IsConfigKey(string key) => ConfigReader.Suggest(key, MqttKubeConfig.ConfigKeys) is not null;

    [GeneratedRegex(@"^(mqtt|http|logging|bindings)[ \t]*:", RegexOptions.Multiline | RegexOptions.CultureInvariant)]
    private static partial Regex TopLevelKeyLine();
}
