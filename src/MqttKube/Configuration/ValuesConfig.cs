using MqttKube.Configuration.Schema;
using MqttKube.Configuration.Yaml;

namespace MqttKube.Configuration;

/// <summary>
/// A <c>values:</c> block: transform → jsonpath → map. The original README also writes the map directly under
/// <c>values:</c> (<c>values: {1: "ON", ~: "OFF"}</c>); a block with none of the three keys is read that way.
/// </summary>
[ConfigValue("{ \"type\": \"object\", \"description\": \"Value mapping: transform, then jsonpath, then map (the map may also be written directly here).\", \"properties\": { \"transform\": { \"type\": \"string\", \"description\": \"A lambda (lambda v: v.strip()) or a builtin name (int).\" }, \"jsonpath\": { \"type\": \"string\", \"description\": \"Parse the input as JSON and take the first match.\" }, \"map\": { \"type\": \"object\", \"description\": \"Input expression → output; the first match wins.\" } } }")]
internal sealed class ValuesConfig : IConfigValue<ValuesConfig>
{
    internal static readonly string[] Keys = ["transform", "jsonpath", "map"];

    public YamlScalar? Transform { get; private init; }

    public YamlScalar? JsonPath { get; private init; }

    public ValueMapConfig? Map { get; private init; }

    /// <summary>Whether the map was written directly under <c>values:</c>.</summary>
    public bool Shorthand { get; private init; }

    public required YamlNode Node { get; init; }

    public static ValuesConfig? Bind(YamlNode node, ConfigBindContext context, string path)
    {
        if (node is YamlScalar { IsNull: true })
        {
            return null;
        }

        if (node is not YamlMapping mapping)
        {
            context.Error(node, $"'{path}' must be a mapping (transform, jsonpath, map), not {node.Describe()}");
            return null;
        }

        var named = mapping.Entries.Any(e => e.Key is YamlScalar { Kind: YamlScalarKind.String } k && Keys.Contains(k.Value));
        if (!named && mapping.Entries.Count > 0 && !LooksLikeMisspelledBlock(mapping))
        {
            return new ValuesConfig { Map = ValueMapConfig.Bind(mapping, context, path), Shorthand = true, Node = node };
        }

        YamlScalar? transform = null, jsonpath = null;
        ValueMapConfig? map = null;
        foreach (var (key, value) in mapping.Entries)
        {
            var name = ConfigReader.KeyOf(key, context, path);
            switch (name)
            {
                case null:
                    break;
                case "transform":
                    transform = Text(value, context, $"{path}.transform");
                    break;
                case "jsonpath":
                    jsonpath = Text(value, context, $"{path}.jsonpath");
                    break;
                case "map":
                    map = value is YamlScalar { IsNull: true } ? null : ValueMapConfig.Bind(value, context, $"{path}.map");
                    break;
                default:
                    ConfigReader.UnknownKey(key, name, context, path, Keys);
                    break;
            }
        }

        return new ValuesConfig { Transform = transform, JsonPath = jsonpath, Map = map, Node = node };
    }

    public void Dump(ConfigDumpWriter writer)
    {
        writer.Value("transform", Transform is null ? null : w => w.Line(YamlText.Format(Transform)));
        writer.Value("jsonpath", JsonPath is null ? null : w => w.Line(YamlText.Format(JsonPath)));
        // A map written directly under values: is dumped as the map: it means.
        if (Map is { Entries.IsEmpty: true })
        {
            writer.Line("map: {}");
        }
        else
        {
            writer.Section("map", Map is null ? null : Map.Dump);
        }
    }

    private static YamlScalar? Text(YamlNode node, ConfigBindContext context, string path)
    {
        if (node is YamlScalar { Kind: YamlScalarKind.String } scalar)
        {
            return scalar;
        }

        if (node is not YamlScalar { IsNull: true })
        {
            context.Error(node, $"'{path}' must be a string, not {node.Describe()}");
        }

        return null;
    }

    /// <summary>A lone <c>mapp:</c> holding a mapping is a typo, not a one-entry map.</summary>
    private static bool LooksLikeMisspelledBlock(YamlMapping mapping) =>
        mapping.Entries.Count <= 3
        && mapping.Entries.All(e => e.Key is YamlScalar { Kind: YamlScalarKind.String } k
            && ConfigReader.Suggest(k.Value, Keys) is not null
            && (k.Value != "map" || e.Value is YamlMapping));
}
