using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace MqttKube.Configuration.Yaml;

internal sealed partial class YamlReader
{
    private YamlNode ReadMapping(MappingStart start, int depth)
    {
        parser.MoveNext();
        var entries = new List<KeyValuePair<YamlNode, YamlNode>>();
        var seen = new Dictionary<string, SourcePosition>(StringComparer.Ordinal);
        var merged = new List<KeyValuePair<YamlNode, YamlNode>>();
        while (!parser.TryConsume<MappingEnd>(out _))
        {
            var key = ReadNode(depth + 1);
            var value = ReadNode(depth + 1);
            if (key is YamlScalar { Kind: YamlScalarKind.String, Quoted: false, Value: "<<" })
            {
                Merge(value, merged);
                continue;
            }

            var identity = Identity(key);
            if (identity is not null)
            {
                if (seen.TryGetValue(identity, out var first))
                {
                    diagnostics.Add(file, key.Position, $"duplicate key {Display(key)} (first at line {first.Line})");
                    continue;
                }

                seen[identity] = key.Position;
            }

            entries.Add(new(key, value));
        }

        // Merge keys (<<: *defaults) supply entries the mapping does not set itself.
        foreach (var entry in merged)
        {
            var identity = Identity(entry.Key);
            if (identity is null || seen.TryAdd(identity, entry.Key.Position))
            {
                entries.Add(entry);
            }
        }

        return Remember(start.Anchor, new YamlMapping(entries, ToPosition(start.Start), TagOf(start.Tag, start.Start)));
    }

    private void Merge(YamlNode value, List<KeyValuePair<YamlNode, YamlNode>> into)
    {
        switch (value)
        {
            case YamlMapping mapping:
                into.AddRange(mapping.Entries);
                break;
            case YamlSequence sequence when sequence.Items.All(i => i is YamlMapping):
                foreach (var item in sequence.Items)
                {
                    into.AddRange(((YamlMapping)item).Entries);
                }

                break;
            default:
                diagnostics.Add(file, value.Position, "a merge key '<<' takes a mapping or a list of mappings");
                break;
        }
    }

    /// <summary>A key's identity for duplicate detection: its resolved type and canonical value.</summary>
    private static string? Identity(YamlNode key) => key is YamlScalar s
        ? s.Kind switch
        {
            YamlScalarKind.Null => "null",
            YamlScalarKind.Bool => "bool:" + s.Bool,
            YamlScalarKind.Int => "int:" + s.Integer,
            YamlScalarKind.Float => "float:" + s.Float.ToString("R", System.Globalization.CultureInfo.InvariantCulture),
            _ => "str:" + s.Value,
        }
        : null;

    private static string Display(YamlNode key) => key is YamlScalar s ? $"'{YamlScalar.Shorten(s.Value)}'" : key.Describe();
}
