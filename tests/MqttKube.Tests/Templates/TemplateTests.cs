using System.Text.Json.Nodes;
using MqttKube.Configuration;
using MqttKube.Configuration.Yaml;
using MqttKube.JsonPath;
using MqttKube.Templates;
using MqttKube.ValueMapping;

namespace MqttKube.Tests.Templates;

public sealed class TemplateTests
{
    private const string Job = """
        apiVersion: batch/v1
        kind: Job
        metadata:
          name: ${binding['name']}-${uid}
          labels:
            payload: "${match.input}"
            verb: ${match.value}
        spec:
          parallelism: ${match.json.n * 2}
          suspend: ${match.json.get('suspend', False)}
          template:
            spec:
              restartPolicy: Never
              containers:
                - name: c
                  image: "busybox:${match.json.get('tag', 'latest')}"
                  args: [x, "${match.input}"]
        """;

    [Fact]
    public void Whole_expressions_keep_their_type_and_text_is_spliced()
    {
        var rendered = Render(Job, """{"n": 3, "tag": "1.36"}""", uid: "0a1b2c3d");

        Assert.Equal("example-0a1b2c3d", (string?)rendered["metadata"]!["name"]);
        Assert.Equal(6L, (long)rendered["spec"]!["parallelism"]!);
        Assert.False((bool)rendered["spec"]!["suspend"]!);
        Assert.Equal("busybox:1.36", (string?)rendered["spec"]!["template"]!["spec"]!["containers"]![0]!["image"]);
        Assert.Equal("Never", (string?)rendered["spec"]!["template"]!["spec"]!["restartPolicy"]);
    }

    public static TheoryData<string> HostilePayloads() => new(
        "x\nevil: true",
        "x: y",
        "{\"n\": 1, \"a\": \"}\"}",
        "---\napiVersion: v1\nkind: Secret",
        "!!python/object/apply:os.system ['rm -rf /']",
        "- item\n- item",
        "${uid}",
        "\"quoted\" 'single' \\ backslash",
        new string('A', 1024 * 1024));

    [Theory]
    [MemberData(nameof(HostilePayloads))]
    public void A_hostile_payload_cannot_add_keys_items_or_documents(string payload)
    {
        var rendered = Render(Job, """{"n": 1}""", payload);
        var baseline = Render(Job, """{"n": 1}""", "plain");

        Assert.Equal(Shape(baseline), Shape(rendered));
        Assert.Equal(payload, (string?)rendered["metadata"]!["labels"]!["payload"]);
        Assert.Equal(payload, (string?)rendered["spec"]!["template"]!["spec"]!["containers"]![0]!["args"]![1]);
    }

    [Fact]
    public void Rendering_errors_name_the_template_position()
    {
        var template = Compile("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ${match.json.missing}\n");
        var context = TemplateContext.Create(null, null, Match("{}"));
        Assert.False(template.TryRender(context, out _, out var error));
        Assert.StartsWith("t.yaml:4:9: ${match.json.missing} failed:", error);
    }

    /// <summary>Keys and the count of items at every level: what a payload must not change.</summary>
    private static string Shape(JsonNode? node) => node switch
    {
        JsonObject o => "{" + string.Join(",", o.Select(p => p.Key + ":" + Shape(p.Value))) + "}",
        JsonArray a => "[" + string.Join(",", a.Select(Shape)) + "]",
        _ => "v",
    };

    private static JsonObject Render(string text, string json, string input = "RUN", string uid = "00000000")
    {
        var template = Compile(text);
        var map = new ValueMap(null, null, null);
        var match = map.Map(MapValue.Payload(input));
        var result = MapResult.Match(match.Output, MapValue.Payload(input), MapValue.Payload("launch"), JsonNode.Parse(json), true, null);
        var binding = YamlReader.Read("name: example\nnamespace: default\n", "b.yaml", new DiagnosticBag())!;
        Assert.True(template.TryRender(TemplateContext.Create(binding, null, result, uid), out var rendered, out var error), error);
        return rendered!;
    }

    private static MapResult Match(string json) => MapResult.Match(null, MapValue.Payload(json), MapValue.Payload(json), JsonNode.Parse(json), true, null);

    private static Template Compile(string text)
    {
        var diagnostics = new DiagnosticBag();
        var template = Template.Compile(text, "t.yaml", diagnostics);
        Assert.Empty(diagnostics.Items);
        return template!;
    }
}
