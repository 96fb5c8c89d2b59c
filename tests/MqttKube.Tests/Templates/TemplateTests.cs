using System.Text.Json.Nodes;
using MqttKube.Configuration;
using MqttKube.Configuration.Yaml;
using MqttKube.Expressions;
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

    /// <summary>The same Job in Scriban's syntax (SPEC 18).</summary>
    private const string ScribanJob = """
        apiVersion: batch/v1
        kind: Job
        metadata:
          name: "{{ binding.name }}-{{ uid }}"
          labels:
            payload: "{{ match.input }}"
            verb: "{{ match.value }}"
        spec:
          parallelism: "{{ match.json.n * 2 }}"
          suspend: "{{ match.json.suspend ?? false }}"
          template:
            spec:
              restartPolicy: Never
              containers:
                - name: c
                  image: "busybox:{{ match.json.tag ?? 'latest' }}"
                  args: [x, "{{ match.input }}"]
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

    private static readonly string[] Hostile =
    [
        "x\nevil: true",
        "x: y",
        "{\"n\": 1, \"a\": \"}\"}",
        "---\napiVersion: v1\nkind: Secret",
        "!!python/object/apply:os.system ['rm -rf /']",
        "- item\n- item",
        "${uid}",
        "\"quoted\" 'single' \\ backslash",
        new string('A', 1024 * 1024),
    ];

    [Fact]
    public void Both_syntaxes_render_the_same_object()
    {
        var python = Render(Job, """{"n": 3, "tag": "1.36"}""", uid: "0a1b2c3d");
        var scriban = Render(ScribanJob, """{"n": 3, "tag": "1.36"}""", uid: "0a1b2c3d");

        Assert.Equal(python.ToJsonString(), scriban.ToJsonString());
    }

    public static TheoryData<string, bool> HostilePayloadsInBothSyntaxes()
    {
        var data = new TheoryData<string, bool>();
        foreach (var payload in Hostile)
        {
            data.Add(payload, false);
            data.Add(payload, true);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(HostilePayloadsInBothSyntaxes))]
    public void A_hostile_payload_cannot_add_keys_items_or_documents(string payload, bool scriban)
    {
        var job = scriban ? ScribanJob : Job;
        var rendered = Render(job, """{"n": 1}""", payload);
        var baseline = Render(job, """{"n": 1}""", "plain");

        Assert.Equal(Shape(baseline), Shape(rendered));
        Assert.Equal(payload, (string?)rendered["metadata"]!["labels"]!["payload"]);
        Assert.Equal(payload, (string?)rendered["spec"]!["template"]!["spec"]!["containers"]![0]!["args"]![1]);
    }

    [Fact]
    public void A_deeply_nested_payload_reaches_scriban_and_a_deeper_context_is_an_error_not_an_exception()
    {
        var template = Compile("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: \"x{{ match.json.a.a.a == null }}\"\n");
        var deep = string.Concat(Enumerable.Repeat("{\"a\": ", 63)) + "1" + new string('}', 63);
        Assert.True(template.TryRender(TemplateContext.Create(null, null, Match(deep)), out var rendered, out var error), error);
        Assert.Equal("xfalse", (string?)rendered!["metadata"]!["name"]);

        var tooDeep = Enumerable.Range(0, 200).Aggregate(PyValue.None, (inner, _) => PyValue.List([inner]));
        var variables = new Dictionary<string, PyValue>(TemplateContext.Create(null, null, Match("{}"))) { ["binding"] = tooDeep };
        Assert.False(template.TryRender(variables, out _, out error));
        Assert.Equal("t.yaml: a value of the context is nested more than 128 levels deep", error);
    }

    [Fact]
    public void Rendering_errors_name_the_template_position()
    {
        var template = Compile("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ${match.json.missing}\n");
        var context = TemplateContext.Create(null, null, Match("{}"));
        Assert.False(template.TryRender(context, out _, out var error));
        Assert.StartsWith("t.yaml:4:9: ${match.json.missing} failed:", error);
    }

    public static TheoryData<string, string> StructuredPayloads() => new()
    {
        { """{"n": {"a": 1}}""", "dict" },
        { """{"n": [1, 2]}""", "list" },
        { """{"n": []}""", "list" },
        { """{"n": {}}""", "dict" },
    };

    [Theory]
    [MemberData(nameof(StructuredPayloads))]
    public void A_mapping_or_list_from_a_payload_is_an_error_never_new_structure(string json, string type)
    {
        var template = Compile("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\ndata:\n  value: ${match.json.n}\n");

        Assert.False(template.TryRender(TemplateContext.Create(null, null, Match(json)), out var rendered, out var error));

        Assert.Null(rendered);
        Assert.Equal($"t.yaml:6:10: ${{match.json.n}} is a {type}: a template value takes only a string, number, boolean or null, never a mapping or list", error);
    }

    [Fact]
    public void Scalars_from_a_payload_keep_their_type()
    {
        var template = Compile("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\nspec:\n  a: ${match.json.a}\n  b: ${match.json.b}\n  c: ${match.json.c}\n  d: ${match.json.d}\n  e: ${match.json.e}\n");

        Assert.True(template.TryRender(TemplateContext.Create(null, null, Match("""{"a": 5, "b": 0.5, "c": true, "d": null, "e": "text"}""")), out var rendered, out var error), error);

        Assert.Equal("""{"a":5,"b":0.5,"c":true,"d":null,"e":"text"}""", rendered!["spec"]!.ToJsonString());
    }

    public static TheoryData<string, string, string> WrongTypes() => new()
    {
        { "name: ${match.json.v}", """{"v": 5}""", "t.yaml:4:9: metadata.name must be a string, got the number 5" },
        { "name: ${match.json.v}", """{"v": true}""", "t.yaml:4:9: metadata.name must be a string, got the boolean true" },
        { "name: ${match.json.v}", """{"v": null}""", "t.yaml:4:9: metadata.name must be a string, got null" },
        { "name: ${match.json.v}", """{"v": "a/b"}""", "t.yaml:4:9: metadata.name cannot be 'a/b': a Kubernetes name may not be '.' or '..' nor contain '/' or '%'" },
        { "name: ${match.json.v}", """{"v": ".."}""", "t.yaml:4:9: metadata.name cannot be '..': a Kubernetes name may not be '.' or '..' nor contain '/' or '%'" },
        { "name: x${match.json.v}", $$"""{"v": "{{new string('a', 300)}}"}""", "t.yaml:4:9: metadata.name must be at most 253 characters, got 301" },
        { "generateName: ${match.json.v}", """{"v": 1.5}""", "t.yaml:4:17: metadata.generateName must be a string, got the number 1.5" },
        { "namespace: ${match.json.v}", """{"v": 7}""", "t.yaml:4:14: metadata.namespace must be a string, got the number 7" },
        { "labels:\n    run: ${match.json.v}", """{"v": 7}""", "t.yaml:5:10: metadata.labels.run must be a string, got the number 7" },
        { "annotations:\n    note: ${match.json.v}", """{"v": false}""", "t.yaml:5:11: metadata.annotations.note must be a string, got the boolean false" },
    };

    [Theory]
    [MemberData(nameof(WrongTypes))]
    public void A_value_the_field_cannot_take_gets_a_clear_message(string metadataLine, string json, string expected)
    {
        var template = Compile($"apiVersion: v1\nkind: ConfigMap\nmetadata:\n  {metadataLine}\n");

        Assert.False(template.TryRender(TemplateContext.Create(null, null, Match(json)), out _, out var error));

        Assert.Equal(expected, error);
    }

    [Fact]
    public void Pod_template_labels_are_checked_too()
    {
        var template = Compile("apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: j\nspec:\n  template:\n    metadata:\n      labels:\n        n: ${match.json.n}\n");

        Assert.False(template.TryRender(TemplateContext.Create(null, null, Match("""{"n": 1}""")), out _, out var error));

        Assert.Equal("t.yaml:9:12: spec.template.metadata.labels.n must be a string, got the number 1", error);
    }

    public static TheoryData<string, string> BadConstants() => new()
    {
        { "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n  labels: {tier: 1}\n", "t.yaml:5:18: error: metadata.labels.tier must be a string, got the number 1 (quote it)" },
        { "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: [a]\n", "t.yaml:4:9: error: metadata.name must be a string, got a list" },
        { "apiVersion: v1\nkind: ConfigMap\nmetadata: ${match.json.meta}\n", "t.yaml:3:11: error: metadata must be a mapping: ${…} fills only values, so a payload can never add keys" },
        { "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n  labels: ${match.json.labels}\n", "t.yaml:5:11: error: metadata.labels must be a mapping: ${…} fills only values, so a payload can never add keys" },
        { "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n  labels: text\n", "t.yaml:5:11: error: metadata.labels must be a mapping of strings, got the string 'text'" },
        { "apiVersion: v1\nkind: 5\nmetadata:\n  name: x\n", "t.yaml:2:7: error: kind must be a string, got the number 5 (quote it)" },
        { "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\ndata:\n  v: {{ match.json.n }}\n", "t.yaml:6:7: error: a key of a Kubernetes object must be a string, not a mapping (a value that starts with {{ must be quoted: \"{{ … }}\")" },
    };

    [Theory]
    [MemberData(nameof(BadConstants))]
    public void Check_reports_fields_of_the_wrong_type_in_the_template_itself(string text, string expected)
    {
        var diagnostics = new DiagnosticBag();

        Assert.Null(Template.Compile(text, "t.yaml", diagnostics));

        Assert.Equal(expected, Assert.Single(diagnostics.Items).ToString());
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
