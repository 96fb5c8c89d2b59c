using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using MqttKube.Generators.Common;
using MqttKube.Generators.Config.Model;

namespace MqttKube.Generators.Config;

/// <summary>The JSON Schema (draft 2020-12) of the config file, as one constant.</summary>
internal static class SchemaEmitter
{
    public static string Emit(EquatableArray<ObjectModel> models)
    {
        var root = models.First(m => m.IsRoot);
        var json = new StringBuilder();
        json.Append("{\n");
        json.Append("  \"$schema\": \"https://json-schema.org/draft/2020-12/schema\",\n");
        json.Append("  \"$id\": \"https://github.com/mqtt-kube/mqtt-kube/config.schema.json\",\n");
        json.Append("  \"title\": \"mqtt-kube config\",\n");
        json.Append("  \"$ref\": \"#/$defs/").Append(root.Name).Append("\",\n");
        json.Append("  \"$defs\": {\n");
        for (var i = 0; i < models.Count; i++)
        {
            AppendObject(json, models[i]);
            json.Append(",\n");
        }

        // Hand-written value types ([ConfigValue]) are definitions of their own, referenced by each key that uses
        // them: their fragment has its own "description", so spliced into a key's schema it would repeat that key.
        var values = models.SelectMany(m => m.Properties).Where(p => p.Kind == ValueKind.Value && p.ValueSchema is not null)
            .GroupBy(p => ShortName(p.TypeName)).OrderBy(g => g.Key, System.StringComparer.Ordinal).ToArray();
        for (var i = 0; i < values.Length; i++)
        {
            json.Append("    ").Append(Quote(values[i].Key)).Append(": ").Append(values[i].First().ValueSchema);
            json.Append(i + 1 < values.Length ? ",\n" : "\n");
        }

        if (values.Length == 0)
        {
            json.Length -= 2;
            json.Append('\n');
        }

        json.Append("  }\n}");

        var w = new SourceWriter().Header();
        w.Open($"namespace {root.Namespace}");
        w.Line("/// <summary>The JSON Schema of the config file (<c>mqtt-kube schema</c>).</summary>");
        w.Open("internal static partial class ConfigSchema");
        w.Line($"public const string Json = {SourceWriter.Literal(json.ToString())};");
        w.Close();
        w.Close();
        return w.ToString();
    }

    private static void AppendObject(StringBuilder json, ObjectModel model)
    {
        json.Append("    ").Append(Quote(model.Name)).Append(": {\n");
        json.Append("      \"type\": \"object\",\n");
        json.Append("      \"description\": ").Append(Quote(model.Description)).Append(",\n");
        json.Append("      \"additionalProperties\": false,\n");
        var required = model.Properties.Where(p => p.Required).Select(p => Quote(p.Key)).ToArray();
        if (required.Length > 0)
        {
            json.Append("      \"required\": [").Append(string.Join(", ", required)).Append("],\n");
        }

        json.Append("      \"properties\": {");
        var first = true;
        foreach (var p in model.Properties)
        {
            foreach (var key in new[] { p.Key }.Concat(p.Aliases))
            {
                json.Append(first ? "\n" : ",\n");
                first = false;
                json.Append("        ").Append(Quote(key)).Append(": ").Append(PropertySchema(p, key != p.Key));
            }
        }

        json.Append("\n      }\n    }");
    }

    private static string PropertySchema(PropertyModel p, bool isAlias)
    {
        var item = ItemSchema(p);
        var description = isAlias ? $"Alias of '{p.Key}'. {p.Description}" : p.Description;
        var body = p.IsList
            ? p.OneOrMany
                ? $"\"oneOf\": [{item}, {{ \"type\": \"array\", \"items\": {item} }}]"
                : $"\"type\": \"array\", \"items\": {item}"
            : item.Substring(2, item.Length - 4);
        var text = new StringBuilder("{ ");
        if (body.Length > 0)
        {
            text.Append(body).Append(", ");
        }

        text.Append("\"description\": ").Append(Quote(description));
        if (p.DefaultJson is not null)
        {
            text.Append(", \"default\": ").Append(p.DefaultJson);
        }

        return text.Append(" }").ToString();
    }

    private static string ItemSchema(PropertyModel p)
    {
        string Range(string type) => double.IsNaN(p.Minimum) || p.Minimum <= int.MinValue
            ? $"{{ \"type\": \"{type}\" }}"
            : $"{{ \"type\": \"{type}\", \"minimum\": {Number(p.Minimum)}, \"maximum\": {Number(p.Maximum)} }}";

        return p.Kind switch
        {
            // A string key takes any scalar as its text (ConfigReader.ReadString): client-id: 42 is "42".
            ValueKind.String => "{ \"type\": [\"string\", \"number\", \"boolean\"] }",
            ValueKind.Int or ValueKind.Long => Range("integer"),
            ValueKind.Double => Range("number"),
            ValueKind.Bool => "{ \"type\": \"boolean\" }",
            ValueKind.Enum => EnumSchema(p.EnumNames),
            ValueKind.Object => $"{{ \"$ref\": \"#/$defs/{ShortName(p.TypeName)}\" }}",
            _ => p.ValueSchema is null ? "{ }" : $"{{ \"$ref\": \"#/$defs/{ShortName(p.TypeName)}\" }}",
        };
    }

    /// <summary>
    /// An enum as the generated parser reads it: a scalar whose text is one of the names, in any case. So the names
    /// themselves (for editors to offer), any casing of them (a pattern: JSON Schema patterns have no flags), and the
    /// names that YAML reads as numbers written as numbers (<c>protocol: 5</c>).
    /// </summary>
    internal static string EnumSchema(EquatableArray<string> names)
    {
        var branches = new List<string> { $"{{ \"enum\": [{string.Join(", ", names.Select(Quote))}] }}" };
        if (names.Any(n => n.Any(char.IsLetter)))
        {
            var pattern = "^(?:" + string.Join("|", names.Select(AnyCase)) + ")$";
            branches.Add($"{{ \"type\": \"string\", \"pattern\": {Quote(pattern)} }}");
        }

        var numbers = names.Where(n => JsonNumber.IsMatch(n))
            .GroupBy(n => double.Parse(n, CultureInfo.InvariantCulture)).Select(g => g.First()).ToArray();
        if (numbers.Length > 0)
        {
            branches.Add($"{{ \"enum\": [{string.Join(", ", numbers)}] }}");
        }

        return branches.Count == 1 ? branches[0] : $"{{ \"anyOf\": [{string.Join(", ", branches)}] }}";
    }

    private static readonly Regex JsonNumber = new(@"^-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][-+]?[0-9]+)?$", RegexOptions.CultureInvariant);

    /// <summary><c>Warn</c> as <c>[wW][aA][rR][nN]</c>; other characters escaped.</summary>
    private static string AnyCase(string name)
    {
        var sb = new StringBuilder();
        foreach (var c in name)
        {
            var lower = char.ToLowerInvariant(c);
            var upper = char.ToUpperInvariant(c);
            if (lower != upper)
            {
                sb.Append('[').Append(lower).Append(upper).Append(']');
            }
            else if ("\\^$.|?*+()[]{}".IndexOf(c) >= 0)
            {
                sb.Append('\\').Append(c);
            }
            else
            {
                sb.Append(c);
            }
        }

        return sb.ToString();
    }

    private static string ShortName(string typeName) => typeName.Split('.').Last();

    private static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    internal static string Quote(string text)
    {
        var sb = new StringBuilder("\"");
        foreach (var c in text)
        {
            switch (c)
            {
                case '"': sb.Append("\\\""); break;
                case '\\': sb.Append("\\\\"); break;
                case '\n': sb.Append("\\n"); break;
                case '\t': sb.Append("\\t"); break;
                default:
                    if (c < ' ')
                    {
                        sb.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        sb.Append(c);
                    }

                    break;
            }
        }

        return sb.Append('"').ToString();
    }
}
