using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using MqttKube.Configuration;
using MqttKube.Configuration.Yaml;
using MqttKube.JsonPath;
using MqttKube.Tests.Support;
using MqttKube.ValueMapping;
using Template = MqttKube.Templates.Template;
using TemplateContext = MqttKube.Templates.TemplateContext;

namespace MqttKube.Tests.Templates;

/// <summary>Scriban in template scalars as data: <c>Cases/scriban-scalars.yaml</c> (format in its header).</summary>
public sealed class ScribanCaseTests
{
    private static readonly string CaseFile = RepoPaths.TestSource(Path.Combine("Templates", "Cases", "scriban-scalars.yaml"));

    private static readonly JsonSerializerOptions Quoting = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static TheoryData<string> Cases() => new(Load().Select(c => c.Name));

    [Theory]
    [MemberData(nameof(Cases))]
    public void Scriban_scalar(string name)
    {
        var row = Load().Single(c => c.Name == name).Node;
        var quoted = JsonSerializer.Serialize(Text(row, "scalar")!, Quoting);
        var text = Text(row, "at") switch
        {
            "name" => $"apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: {quoted}\n",
            "metadata" => $"apiVersion: v1\nkind: ConfigMap\nmetadata: {quoted}\n",
            _ => $"apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\ndata:\n  v: {quoted}\n",
        };

        var diagnostics = new DiagnosticBag();
        var template = Template.Compile(text, "t.yaml", diagnostics);
        if (Text(row, "check") is { } check)
        {
            Assert.Null(template);
            var actual = string.Join("\n", diagnostics.Items);
            Assert.True(check == actual, $"expected:\n{check}\nactual:\n{actual}");
            return;
        }

        Assert.Empty(diagnostics.Items);
        var json = YamlValues.ToJson(row.Get("json")!);
        var input = Text(row, "input") ?? json?.ToJsonString() ?? "null";
        var match = MapResult.Match(null, MapValue.Payload(input), MapValue.Payload(input), json, true, null);
        var binding = YamlReader.Read("name: example\nnamespace: default\n", "b.yaml", new DiagnosticBag())!;
        var live = row.Get("object") is { } obj ? (JsonObject?)YamlValues.ToJson(obj) : null;
        var ok = template!.TryRender(TemplateContext.Create(binding, null, match, "0a1b2c3d", live), out var rendered, out var error);

        if (Text(row, "error") is { } expected)
        {
            Assert.False(ok, $"expected an error, got {rendered?.ToJsonString()}");
            Assert.True(expected == error, $"expected:\n{expected}\nactual:\n{error}");
            return;
        }

        Assert.True(ok, error);
        var value = Text(row, "at") == "name" ? rendered!["metadata"]!["name"] : rendered!["data"]!["v"];
        var want = YamlValues.ToJson(row.Get("out")!);
        Assert.True(JsonValueComparer.DeepEquals(want, value), $"expected {want?.ToJsonString() ?? "null"}, got {value?.ToJsonString() ?? "null"}");
    }

    private static string? Text(YamlMapping row, string key) => row.Get(key) is YamlScalar { IsNull: false } s ? s.Value : null;

    private static IEnumerable<(string Name, YamlMapping Node)> Load()
    {
        var diagnostics = new DiagnosticBag();
        var root = YamlReader.Read(File.ReadAllText(CaseFile), CaseFile, diagnostics) as YamlSequence
            ?? throw new InvalidOperationException("scriban-scalars.yaml is not a list: " + string.Join("; ", diagnostics.Items));
        return root.Items.Cast<YamlMapping>().Select(m => (Text(m, "name")!, m));
    }
}
