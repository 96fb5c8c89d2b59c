using System.Text.Json.Nodes;

namespace MqttKube.FakeKube;

/// <summary>Seed loading: YAML documents (or a JSON document) to JSON objects (plain scalars typed as YAML 1.2 core: null, booleans, numbers).</summary>
public static class SeedReader
{
    public static IEnumerable<JsonObject> Read(string text)
    {
        var yaml = new YamlDotNet.RepresentationModel.YamlStream();
        yaml.Load(new StringReader(text));
        foreach (var doc in yaml.Documents)
        {
            if (ToJson(doc.RootNode) is JsonObject obj)
            {
                yield return obj;
            }
        }
    }

    private static JsonNode? ToJson(YamlDotNet.RepresentationModel.YamlNode node) => node switch
    {
        YamlDotNet.RepresentationModel.YamlMappingNode m => new JsonObject(m.Children.Select(kv =>
            KeyValuePair.Create(((YamlDotNet.RepresentationModel.YamlScalarNode)kv.Key).Value!, ToJson(kv.Value)))),
        YamlDotNet.RepresentationModel.YamlSequenceNode s => new JsonArray([.. s.Children.Select(ToJson)]),
        YamlDotNet.RepresentationModel.YamlScalarNode sc => Scalar(sc),
        _ => null,
    };

    private static JsonNode? Scalar(YamlDotNet.RepresentationModel.YamlScalarNode sc)
    {
        var v = sc.Value ?? "";
        if (sc.Style is YamlDotNet.Core.ScalarStyle.SingleQuoted or YamlDotNet.Core.ScalarStyle.DoubleQuoted)
        {
            return JsonValue.Create(v);
        }

        return v switch
        {
            "~" or "null" or "" => null,
            "true" => JsonValue.Create(true),
            "false" => JsonValue.Create(false),
            _ when long.TryParse(v, out var l) => JsonValue.Create(l),
            _ when double.TryParse(v, System.Globalization.CultureInfo.InvariantCulture, out var d) => JsonValue.Create(d),
            _ => JsonValue.Create(v),
        };
    }
}
