using System.Text.Json.Nodes;
using MqttKube.Configuration;
using MqttKube.Configuration.Yaml;
using MqttKube.JsonPath;
using MqttKube.Tests.Support;
using MqttKube.ValueMapping;

namespace MqttKube.Tests.ValueMapping;

/// <summary>Value maps as data: <c>Cases/value-maps.yaml</c>, one theory row per input.</summary>
public sealed class ValueMapCaseTests
{
    private static readonly string CaseFile = RepoPaths.TestSource(Path.Combine("ValueMapping", "Cases", "value-maps.yaml"));

    public static TheoryData<string, int> Cases()
    {
        var data = new TheoryData<string, int>();
        foreach (var (name, suite) in Load())
        {
            var count = ((YamlSequence)((YamlMapping)suite).Get("cases")!).Items.Count;
            for (var i = 0; i < count; i++)
            {
                data.Add(name, i);
            }
        }

        return data;
    }

    [Fact]
    public void The_case_file_has_the_original_eight_cases() =>
        Assert.Equal(8, Load().Count(s => s.Name.StartsWith("original ", StringComparison.Ordinal)));

    [Theory]
    [MemberData(nameof(Cases))]
    public void Value_map_case(string name, int index)
    {
        var suite = (YamlMapping)Load().Single(s => s.Name == name).Node;
        var outbound = suite.Get("outbound") is YamlScalar { Bool: true };
        var diagnostics = new DiagnosticBag();
        var context = new ConfigBindContext(CaseFile, diagnostics);
        var map = ValueMapCompiler.Compile(ValuesConfig.Bind(suite.Get("values")!, context, "values"), context, "values");
        Assert.Empty(diagnostics.Items);

        var row = (YamlMapping)((YamlSequence)suite.Get("cases")!).Items[index];
        var input = row.Get("in")!;
        var result = map.Map(outbound ? MapValue.Json(YamlValues.ToJson(input)) : MapValue.Payload(((YamlScalar)input).Value));

        if (row.Get("miss") is YamlScalar { Bool: true })
        {
            Assert.False(result.Matched, $"expected a miss, got {result.Output?.ToJsonString() ?? "null"}");
        }
        else
        {
            Assert.True(result.Matched, $"expected a match ({result.MissReason})");
            var expected = YamlValues.ToJson(row.Get("out")!);
            Assert.True(JsonValueComparer.DeepEquals(expected, result.Output), $"expected {expected?.ToJsonString() ?? "null"}, got {result.Output?.ToJsonString() ?? "null"}");
        }

        if (row.Get("payload") is { } payload)
        {
            var line = JsonNode.Parse(MqttKube.Cli.EvalCommand.Line("x", result, outbound: true))!;
            Assert.Equal(YamlValues.ToJson(payload)?.GetValue<string>(), line["payload"]?.GetValue<string>());
        }
    }

    private static IEnumerable<(string Name, YamlNode Node)> Load()
    {
        var root = YamlReader.Read(File.ReadAllText(CaseFile), CaseFile, new DiagnosticBag()) as YamlSequence
            ?? throw new InvalidOperationException("value-maps.yaml is not a list");
        return root.Items.Select(i => (((YamlScalar)((YamlMapping)i).Get("name")!).Value, i));
    }
}
