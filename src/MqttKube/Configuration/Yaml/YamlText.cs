using System.Globalization;
using System.Text;

namespace MqttKube.Configuration.Yaml;

/// <summary>One-line flow-style text of a node, types visible: strings quoted, numbers bare, null as ~.</summary>
internal static class YamlText
{
    public static string Format(YamlNode node)
    {
        var sb = new StringBuilder();
        Append(sb, node, 0);
        return sb.ToString();
    }

    private static void Append(StringBuilder sb, YamlNode node, int depth)
    {
        if (depth > YamlReader.MaxDepth)
        {
            sb.Append("...");
            return;
        }

        switch (node)
        {
            case YamlScalar scalar:
                if (scalar.Tag == Configuration.ConfigTags.RelPath)
                {
                    sb.Append("!relpath ");
                }

                sb.Append(scalar.Kind switch
                {
                    YamlScalarKind.Null => "~",
                    YamlScalarKind.Bool => scalar.Bool ? "true" : "false",
                    YamlScalarKind.Int => scalar.Integer.ToString(CultureInfo.InvariantCulture),
                    YamlScalarKind.Float => scalar.Float.ToString("R", CultureInfo.InvariantCulture),
                    _ => Configuration.ConfigDumpWriter.Quote(scalar.Value),
                });
                break;
            case YamlSequence sequence:
                sb.Append('[');
                for (var i = 0; i < sequence.Items.Count; i++)
                {
                    sb.Append(i > 0 ? ", " : string.Empty);
                    Append(sb, sequence.Items[i], depth + 1);
                }

                sb.Append(']');
                break;
            case YamlMapping mapping:
                sb.Append('{');
                for (var i = 0; i < mapping.Entries.Count; i++)
                {
                    sb.Append(i > 0 ? ", " : string.Empty);
                    Append(sb, mapping.Entries[i].Key, depth + 1);
                    sb.Append(": ");
                    Append(sb, mapping.Entries[i].Value, depth + 1);
                }

                sb.Append('}');
                break;
        }
    }
}
