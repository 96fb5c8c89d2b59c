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

    /// <summary>A float that reads back as a float: <c>1.0</c>, not <c>1</c>; <c>.inf</c>, <c>-.inf</c>, <c>.nan</c>.</summary>
    public static string FormatFloat(double value)
    {
        if (double.IsNaN(value))
        {
            return ".nan";
        }

        if (double.IsInfinity(value))
        {
            return value > 0 ? ".inf" : "-.inf";
        }

        var text = value.ToString("R", CultureInfo.InvariantCulture);
        return text.Contains('.', StringComparison.Ordinal) || text.Contains('E', StringComparison.Ordinal) ? text : text + ".0";
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
                    YamlScalarKind.Float => FormatFloat(scalar.Float),
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
