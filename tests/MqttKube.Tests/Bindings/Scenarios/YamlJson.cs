using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace MqttKube.Tests.Bindings.Scenarios;

/// <summary>YAML nodes of a case file as JSON (plain scalars typed as YAML 1.2's core schema types them), durations, positions.</summary>
internal static partial class YamlJson
{
    public static JsonNode? ToJson(YamlNode node) => node switch
    {
        YamlScalarNode scalar => Scalar(scalar),
        YamlSequenceNode sequence => new JsonArray([.. sequence.Children.Select(ToJson)]),
        YamlMappingNode mapping => ToObject(mapping),
        _ => throw new ScenarioFormatException(node, "an alias is not supported here"),
    };

    public static JsonObject ToObject(YamlNode node)
    {
        if (node is not YamlMappingNode mapping)
        {
            throw new ScenarioFormatException(node, "expected a mapping");
        }

        var obj = new JsonObject();
        foreach (var (key, value) in mapping.Children)
        {
            obj[Text(key)] = ToJson(value);
        }

        return obj;
    }

    /// <summary>A scalar's text as written (<c>ON</c>, <c>1</c> and <c>"1"</c> are all text here).</summary>
    public static string Text(YamlNode node) =>
        node is YamlScalarNode { Value: { } value } ? value : throw new ScenarioFormatException(node, "expected a scalar");

    public static bool Bool(YamlNode node) => Scalar((YamlScalarNode)node) is JsonValue v && v.TryGetValue<bool>(out var b)
        ? b
        : throw new ScenarioFormatException(node, "expected true or false");

    public static int Int(YamlNode node) =>
        int.TryParse(Text(node), NumberStyles.Integer, CultureInfo.InvariantCulture, out var i) ? i : throw new ScenarioFormatException(node, "expected a whole number");

    /// <summary><c>30s</c>, <c>250ms</c>, <c>1.5s</c>, <c>2m</c>, <c>1h</c>.</summary>
    public static TimeSpan Duration(YamlNode node)
    {
        var match = DurationPattern().Match(Text(node));
        if (!match.Success)
        {
            throw new ScenarioFormatException(node, "expected a duration such as 30s, 250ms or 2m");
        }

        var amount = double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
        return match.Groups[2].Value switch
        {
            "ms" => TimeSpan.FromMilliseconds(amount),
            "s" => TimeSpan.FromSeconds(amount),
            "m" => TimeSpan.FromMinutes(amount),
            _ => TimeSpan.FromHours(amount),
        };
    }

    public static string At(YamlNode node) => $"line {node.Start.Line}";

    private static JsonNode? Scalar(YamlScalarNode scalar)
    {
        var text = scalar.Value ?? string.Empty;
        if (scalar.Style != ScalarStyle.Plain)
        {
            return JsonValue.Create(text);
        }

        if (text is "" or "~" or "null" or "Null" or "NULL")
        {
            return null;
        }

        if (text is "true" or "True" or "TRUE" or "false" or "False" or "FALSE")
        {
            return JsonValue.Create(text.Equals("true", StringComparison.OrdinalIgnoreCase));
        }

        if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var whole))
        {
            return JsonValue.Create(whole);
        }

        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var real) && FloatPattern().IsMatch(text)
            ? JsonValue.Create(real)
            : JsonValue.Create(text);
    }

    [GeneratedRegex(@"^([0-9]+(?:\.[0-9]+)?)(ms|s|m|h)$")]
    private static partial Regex DurationPattern();

    [GeneratedRegex(@"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$")]
    private static partial Regex FloatPattern();
}
