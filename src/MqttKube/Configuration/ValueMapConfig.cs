using System.Collections.Immutable;
using MqttKube.Configuration.Schema;
using MqttKube.Configuration.Yaml;

namespace MqttKube.Configuration;

/// <summary>
/// A <c>map:</c>: an ORDERED list of entries whose keys keep their YAML type, so <c>1</c>, <c>"1"</c>,
/// <c>true</c> and <c>~</c> are four different keys. The first matching entry wins.
/// </summary>
[ConfigValue("{ \"type\": \"object\", \"description\": \"Input expression → output: a literal, re:PATTERN, or lambda v: EXPR; outputs of any type, strings may hold {…} format fields.\" }")]
internal sealed class ValueMapConfig : IConfigValue<ValueMapConfig>
{
    public required ImmutableArray<ValueMapEntry> Entries { get; init; }

    public static ValueMapConfig? Bind(YamlNode node, ConfigBindContext context, string path)
    {
        if (node is not YamlMapping mapping)
        {
            context.Error(node, $"'{path}' must be a mapping of input → output, not {node.Describe()}");
            return null;
        }

        var entries = ImmutableArray.CreateBuilder<ValueMapEntry>(mapping.Entries.Count);
        foreach (var (key, value) in mapping.Entries)
        {
            if (key is not YamlScalar scalar)
            {
                context.Error(key, $"'{path}' has a key that is {key.Describe()}; a key is a literal, re:PATTERN or lambda");
                continue;
            }

            entries.Add(new ValueMapEntry(scalar, value));
        }

        return new ValueMapConfig { Entries = entries.ToImmutable() };
    }

    /// <summary>
    /// A YAML mapping in order, each key as typed (<c>true</c>, <c>1</c>, <c>~</c>, <c>"ON"</c>, <c>"lambda v: …"</c>):
    /// read back, it is the same map. Nothing for an empty map: its key writes <c>{}</c>.
    /// </summary>
    public void Dump(ConfigDumpWriter writer)
    {
        foreach (var entry in Entries)
        {
            writer.Line($"{YamlText.Format(entry.Key)}: {YamlText.Format(entry.Output)}");
        }
    }
}
