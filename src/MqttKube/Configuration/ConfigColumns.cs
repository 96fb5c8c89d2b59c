using MqttKube.Configuration.Yaml;

namespace MqttKube.Configuration;

/// <summary>Maps a column inside a scalar's text (an expression, a JSONPath) to the config file's position.</summary>
internal static class ConfigColumns
{
    public static SourcePosition At(YamlScalar scalar, int column) =>
        new(scalar.Position.Line, scalar.Position.Column + (scalar.Quoted ? 1 : 0) + Math.Max(0, column - 1));
}
