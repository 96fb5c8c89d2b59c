using System.Text.Json.Nodes;
using CsCheck;
using MqttKube.Configuration;
using MqttKube.Configuration.Yaml;
using MqttKube.JsonPath;
using MqttKube.Templates;
using MqttKube.ValueMapping;
using Xunit.Abstractions;

namespace MqttKube.Tests.Fuzz;

/// <summary>
/// Templates in both syntaxes under hostile payloads (issue 9, section 6): a render gives the object or an error,
/// never an exception, within 64 MB; the object's shape (keys, list lengths) is the template's whatever the payload;
/// identifying fields stay strings; a payload spliced into text comes out verbatim, never evaluated.
/// </summary>
public sealed class TemplateFuzzTests(ITestOutputHelper output)
{
    private const string Python = """
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: ${binding.name}-${uid}
          labels:
            payload: "${match.input}"
            verb: ${match.value}
        data:
          input: "${match.input}"
          framed: "<${match.input}>"
          lone: ${match.json}
          text: ${str(match.json)[:100]}
          list: [a, "${match.input}", {k: "${match.value}"}]
          n: ${len(match.input)}
        """;

    private const string Scriban = """
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: "{{ binding.name }}-{{ uid }}"
          labels:
            payload: "{{ match.input }}"
            verb: "{{ match.value }}"
        data:
          input: "{{ match.input }}"
          framed: "<{{ match.input }}>"
          lone: "{{ match.json }}"
          text: "{{ match.input | string.upcase | string.truncate 100 }}"
          list: [a, "{{ match.input }}", {k: "{{ match.value }}"}]
          n: "{{ match.input | string.size }}"
        """;

    private static readonly string[] Hostile =
    [
        "x\nevil: true", "x: y", "---\napiVersion: v1\nkind: Secret", "!!python/object/apply:os.system ['rm -rf /']", "- item\n- item",
        "${uid}", "${'a' * 10 ** 6}", "{{ uid }}", "{{ 'a' | string.repeat 1000000 }}", "{%{ x }%}", "{% raw %}", "\"quoted\" 'single' \\ backslash",
        "&a [*a, *a]", "<<: *a", "%YAML 1.2", "\0", "\u2028", "é😀", "{\"n\": {\"a\": 1}}", "[1, 2]", "{}", "null", "true", "1e400", "..", "a/b",
    ];

    private static readonly Lazy<(Template Python, Template Scriban)> Templates = new(() => (Compile(Python), Compile(Scriban)));

    private static Gen<string> HostileText => Gen.Frequency(
        (4, Gen.OneOf(Hostile)),
        (2, Gen.Select(Gen.OneOf(Hostile), Gen.OneOf(Hostile), (a, b) => a + b)),
        (2, JsonGen.Value(3).Select(JsonGen.Text)),
        (1, ValueMapGen.Payload));

    [Fact]
    public void A_payload_never_changes_the_shape_of_the_object() =>
        Fuzz.Check(output, "templates", Gen.Select(HostileText, HostileText, Gen.OneOf(JsonGen.Scalar, JsonGen.Value(3)), Gen.Bool), 800, c =>
        {
            var (input, value, document, scriban) = c;
            var template = scriban ? Templates.Value.Scriban : Templates.Value.Python;
            var json = JsonInput.TryParse(input, JsonInput.PayloadMaxDepth, out var parsed, out _) ? parsed : document;
            var variables = Context(input, value, json);
            var (ok, rendered, error) = Fuzz.Bounded(() => (template.TryRender(variables, out var r, out var e), r, e));
            if (!ok)
            {
                Fuzz.Outcome("errors at " + (error?.Split(' ')[0] ?? "?"));
                Assert.False(string.IsNullOrEmpty(error));
                Support.Cli.AssertNoStackTrace(error);
                return;
            }

            Fuzz.Outcome("rendered");
            Assert.Equal(Shape(Baseline(template)), Shape(rendered));
            var metadata = rendered!["metadata"]!;
            Assert.Equal("String", JsonValueKind(metadata["name"]));
            Assert.All(metadata["labels"]!.AsObject(), l => Assert.Equal("String", JsonValueKind(l.Value)));
            Assert.Equal(input, (string?)rendered["data"]!["input"]);
            Assert.Equal("<" + input + ">", (string?)rendered["data"]!["framed"]);
            Assert.Equal(input, (string?)rendered["data"]!["list"]![1]);
            Assert.Equal(JsonGen.Text(rendered), JsonGen.Text(Render(template, variables)));
        }, c => $"input {Fuzz.Shorten(ValueMapGen.Quote(c.Item1))}, value {Fuzz.Shorten(ValueMapGen.Quote(c.Item2))}, json {Fuzz.Shorten(JsonGen.Text(c.Item3))}, {(c.Item4 ? "Scriban" : "${…}")}");

    private static string JsonValueKind(JsonNode? node) => node?.GetValueKind().ToString() ?? "Null";

    private static JsonObject? Render(Template template, Dictionary<string, MqttKube.Expressions.PyValue> variables) =>
        template.TryRender(variables, out var rendered, out _) ? rendered : null;

    private static JsonObject Baseline(Template template) =>
        template.TryRender(Context("plain", "launch", JsonValue.Create(1)), out var rendered, out var error) ? rendered! : throw new InvalidOperationException(error);

    private static Dictionary<string, MqttKube.Expressions.PyValue> Context(string input, string value, JsonNode? json)
    {
        var match = MapResult.Match(JsonValue.Create(value), MapValue.Payload(input), MapValue.Payload(value), json, true, null);
        var binding = YamlReader.Read("name: example\nnamespace: default\n", "b.yaml", new DiagnosticBag());
        return TemplateContext.Create(binding, null, match, "0a1b2c3d");
    }

    /// <summary>Keys and the count of items at every level: what a payload must not change.</summary>
    private static string Shape(JsonNode? node) => node switch
    {
        JsonObject o => "{" + string.Join(",", o.Select(p => p.Key + ":" + Shape(p.Value))) + "}",
        JsonArray a => "[" + string.Join(",", a.Select(Shape)) + "]",
        _ => "v",
    };

    private static Template Compile(string text)
    {
        var diagnostics = new DiagnosticBag();
        var template = Template.Compile(text, "t.yaml", diagnostics);
        Assert.True(template is not null, string.Join("\n", diagnostics.Items));
        return template;
    }
}
