using System.Globalization;
using System.Linq;
using MqttKube.Generators.Common;
using MqttKube.Generators.Config.Model;

namespace MqttKube.Generators.Config;

public sealed partial class ConfigGenerator
{
    /// <summary>Models → C# text.</summary>
    internal static class Emitter
    {
        private const string Reader = "global::MqttKube.Configuration.ConfigReader";
        private const string Node = "global::MqttKube.Configuration.Yaml.YamlNode";
        private const string Context = "global::MqttKube.Configuration.ConfigBindContext";
        private const string Dump = "global::MqttKube.Configuration.ConfigDumpWriter";

        public static string EmitObject(ObjectModel model)
        {
            var w = new SourceWriter().Header();
            w.Open($"namespace {model.Namespace}");
            w.Open($"partial record {model.Name}");
            var keys = model.Properties.Select(p => SourceWriter.Literal(p.Key));
            w.Line($"/// <summary>The keys of this section, as written in YAML.</summary>");
            w.Line($"internal static readonly string[] ConfigKeys = new string[] {{ {string.Join(", ", keys)} }};");
            w.Line();
            EmitBind(w, model);
            w.Line();
            EmitDump(w, model);
            w.Close();
            w.Close();
            return w.ToString();
        }

        private static void EmitBind(SourceWriter w, ObjectModel model)
        {
            w.Line("/// <summary>Binds this section from YAML; every problem is reported to <paramref name=\"context\"/>.</summary>");
            w.Open($"internal static {model.FullName}? BindYaml({Node} node, {Context} context, string path)");
            w.Line($"var map = {Reader}.ExpectMapping(node, context, path);");
            w.Open("if (map is null)").Line("return null;").Close();
            w.Line();
            w.Line($"var defaults = new {model.FullName}();");
            for (var i = 0; i < model.Properties.Count; i++)
            {
                w.Line($"var p{i} = defaults.{model.Properties[i].Name};");
                w.Line($"var seen{i} = false;");
                if (model.Properties[i].Required)
                {
                    w.Line($"var set{i} = false;");
                }

            }

            w.Open("foreach (var entry in map.Entries)");
            w.Line($"var key = {Reader}.KeyOf(entry.Key, context, path);");
            w.Open("switch (key)");
            w.Line("case null:");
            w.Line("    break;");
            for (var i = 0; i < model.Properties.Count; i++)
            {
                var p = model.Properties[i];
                foreach (var name in new[] { p.Key }.Concat(p.Aliases))
                {
                    w.Line($"case {SourceWriter.Literal(name)}:");
                }

                w.Indentation++;
                w.Open($"if (seen{i})").Line($"{Reader}.Duplicate(entry.Key, {SourceWriter.Literal(p.Key)}, context, path);").Line("break;").Close();
                w.Line($"seen{i} = true;");
                w.Line("{");
                w.Indentation++;
                w.Line($"var value = {ReadExpression(p, "entry.Value", $"{Reader}.Join(path, \"{p.Key}\")")};");
                w.Open("if (value is not null)");
                w.Line($"p{i} = value{(IsValueType(p) ? ".Value" : string.Empty)};");
                if (p.Required)
                {
                    w.Line($"set{i} = true;");
                }

                w.Close();
                w.Close();
                w.Line("break;");
                w.Indentation--;
            }

            w.Line("default:");
            w.Line($"    {Reader}.UnknownKey(entry.Key, key, context, path, ConfigKeys);");
            w.Line("    break;");
            w.Close();
            w.Close();
            w.Line();
            for (var i = 0; i < model.Properties.Count; i++)
            {
                if (model.Properties[i].Required)
                {
                    w.Open($"if (!set{i})").Line($"{Reader}.Missing(map, {SourceWriter.Literal(model.Properties[i].Key)}, context, path);").Close();
                }
            }

            w.Line($"var result = new {model.FullName}");
            w.Line("{");
            w.Indentation++;
            for (var i = 0; i < model.Properties.Count; i++)
            {
                w.Line($"{model.Properties[i].Name} = p{i},");
            }

            if (model.NodeProperty is not null)
            {
                w.Line($"{model.NodeProperty} = map,");
            }

            w.Indentation--;
            w.Line("};");
            if (model.Validates)
            {
                w.Line("((global::MqttKube.Configuration.Schema.IConfigValidation)result).Validate(map, context, path);");
            }

            w.Line("return result;");
            w.Close();
        }

        private static bool IsValueType(PropertyModel p) =>
            p.IsList || p.Kind is ValueKind.Int or ValueKind.Long or ValueKind.Double or ValueKind.Bool or ValueKind.Enum;

        private static string ReadExpression(PropertyModel p, string node, string path)
        {
            if (p.IsList)
            {
                var item = p.Kind switch
                {
                    ValueKind.String => $"{Reader}.ReadString",
                    ValueKind.Object => $"{p.TypeName}.BindYaml",
                    _ => $"{p.TypeName}.Bind",
                };
                return $"{Reader}.ReadList<{p.TypeName}>({node}, context, {path}, {(p.OneOrMany ? "true" : "false")}, {item})";
            }

            return p.Kind switch
            {
                ValueKind.String => $"{Reader}.ReadString({node}, context, {path})",
                ValueKind.Int => $"(int?){Reader}.ReadInteger({node}, context, {path}, {Number(p.Minimum)}, {Number(p.Maximum)})",
                ValueKind.Long => $"{Reader}.ReadInteger({node}, context, {path}, {Number(p.Minimum)}, {Number(p.Maximum)})",
                ValueKind.Double => $"{Reader}.ReadNumber({node}, context, {path}, {Number(p.Minimum)}, {Number(p.Maximum)})",
                ValueKind.Bool => $"{Reader}.ReadBoolean({node}, context, {path})",
                ValueKind.Enum => $"{Reader}.ReadEnum<{p.TypeName}>({node}, context, {path}, {EnumHelper(p.TypeName)}.TryParse, {EnumHelper(p.TypeName)}.Names)",
                ValueKind.Object => $"{p.TypeName}.BindYaml({node}, context, {path})",
                _ => $"{p.TypeName}.Bind({node}, context, {path})",
            };
        }

        private static string EnumHelper(string typeName) => typeName + "Config";

        private static string Number(double value) => double.IsNaN(value)
            ? "double.NaN"
            : value.ToString("R", CultureInfo.InvariantCulture) + "d";

        private static void EmitDump(SourceWriter w, ObjectModel model)
        {
            w.Line("/// <summary>Writes this section with every default filled in.</summary>");
            w.Open($"internal void Dump({Dump} writer)");
            foreach (var p in model.Properties)
            {
                var key = SourceWriter.Literal(p.Key);
                if (p.IsList)
                {
                    w.Line(p.Kind == ValueKind.String
                        ? $"writer.Strings({key}, {p.Name});"
                        : $"writer.List({key}, {p.Name}, static (w, item) => item.Dump(w));");
                    continue;
                }

                var value = p.Name;
                w.Line(p.Kind switch
                {
                    ValueKind.String when p.Secret => $"writer.Scalar({key}, {value} is null ? null : \"***\");",
                    ValueKind.String => $"writer.Scalar({key}, {value});",
                    ValueKind.Int or ValueKind.Long => $"writer.Scalar({key}, (long?){value});",
                    ValueKind.Double => $"writer.Scalar({key}, (double?){value});",
                    ValueKind.Bool => $"writer.Scalar({key}, (bool?){value});",
                    ValueKind.Enum when p.IsNullable => $"writer.Scalar({key}, {value} is null ? null : {EnumHelper(p.TypeName)}.Name({value}.Value));",
                    ValueKind.Enum => $"writer.Scalar({key}, {EnumHelper(p.TypeName)}.Name({value}));",
                    ValueKind.Value => $"writer.Value({key}, {value} is null ? null : {value}.Dump);",
                    _ when p.IsNullable => $"writer.Section({key}, {value} is null ? null : {value}.Dump);",
                    _ => $"writer.Section({key}, {value}.Dump);",
                });
            }

            w.Close();
        }

        public static string EmitEnum(EnumModel model)
        {
            var w = new SourceWriter().Header();
            w.Open($"namespace {model.Namespace}");
            w.Line($"/// <summary>Config spellings of <see cref=\"{model.Name}\"/> (any case).</summary>");
            w.Open($"internal static class {model.Name}Config");
            var all = model.Members.SelectMany(m => m.Names).ToArray();
            w.Line($"public const string Names = {SourceWriter.Literal(string.Join(", ", all))};");
            w.Line();
            w.Open($"public static bool TryParse(string text, out {model.FullName} value)");
            w.Open("switch (text.ToLowerInvariant())");
            foreach (var member in model.Members)
            {
                foreach (var name in member.Names)
                {
                    w.Line($"case {SourceWriter.Literal(name.ToLowerInvariant())}:");
                }

                w.Line($"    value = {model.FullName}.{member.Member};");
                w.Line("    return true;");
            }

            w.Line("default:");
            w.Line("    value = default;");
            w.Line("    return false;");
            w.Close();
            w.Close();
            w.Line();
            w.Open($"public static string Name({model.FullName} value) => value switch");
            foreach (var member in model.Members)
            {
                w.Line($"{model.FullName}.{member.Member} => {SourceWriter.Literal(member.Names[0])},");
            }

            w.Line("_ => string.Empty,");
            w.Indentation--;
            w.Line("};");
            w.Close();
            w.Close();
            return w.ToString();
        }
    }
}
