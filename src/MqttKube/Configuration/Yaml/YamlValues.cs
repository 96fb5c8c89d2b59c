using System.Text.Json.Nodes;
using MqttKube.Expressions;

namespace MqttKube.Configuration.Yaml;

/// <summary>Converts YAML nodes to JSON values and to expression values, keeping the YAML types.</summary>
internal static class YamlValues
{
    /// <summary>A YAML value as JSON; mapping keys become their text (YAML keys of any type are allowed).</summary>
    public static JsonNode? ToJson(YamlNode node, int depth = 0)
    {
        if (depth > YamlReader.MaxDepth)
        {
            throw new InvalidOperationException("nested too deeply");
        }

        switch (node)
        {
            case YamlScalar scalar:
                return scalar.Kind switch
                {
                    YamlScalarKind.Null => null,
                    YamlScalarKind.Bool => JsonValue.Create(scalar.Bool),
                    YamlScalarKind.Int => scalar.Integer >= long.MinValue && scalar.Integer <= long.MaxValue
                        ? JsonValue.Create((long)scalar.Integer)
                        : JsonNode.Parse(scalar.Integer.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                    YamlScalarKind.Float => double.IsFinite(scalar.Float) ? JsonValue.Create(scalar.Float) : JsonValue.Create(scalar.Value),
                    _ => JsonValue.Create(scalar.Value),
                };
            case YamlSequence sequence:
                var array = new JsonArray();
                foreach (var item in sequence.Items)
                {
                    array.Add(ToJson(item, depth + 1));
                }

                return array;
            case YamlMapping mapping:
                var obj = new JsonObject();
                foreach (var (key, value) in mapping.Entries)
                {
                    obj[KeyText(key)] = ToJson(value, depth + 1);
                }

                return obj;
            default:
                return null;
        }
    }

    /// <summary>A YAML value as an expression value (for <c>binding</c> and <c>action</c> in templates).</summary>
    public static PyValue ToPy(YamlNode node) => PyValue.FromJson(ToJson(node));

    private static string KeyText(YamlNode key) => key is YamlScalar scalar
        ? scalar.Kind switch
        {
            YamlScalarKind.Null => "null",
            YamlScalarKind.Bool => scalar.Bool ? "true" : "false",
            _ => scalar.Value,
        }
        : YamlText.Format(key);
}
