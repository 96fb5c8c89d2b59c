using BenchmarkDotNet.Attributes;
using MqttKube.Configuration;
using MqttKube.Configuration.Yaml;
using MqttKube.Templates;
using MqttKube.ValueMapping;

namespace MqttKube.Benchmarks.Micro;

/// <summary>
/// A launch as the action runs it: the template context built (binding, action, match, a fresh uid) and
/// examples/job-example.yaml rendered to a Job object.
/// </summary>
[MemoryDiagnoser]
public class TemplateBenchmarks
{
    private Template template = null!;
    private YamlNode binding = null!;
    private YamlNode action = null!;
    private MapResult match;

    [GlobalSetup]
    public void Setup()
    {
        var diagnostics = new DiagnosticBag();
        var file = MicroFixtures.RepoFile("examples/job-example.yaml");
        template = Template.Compile(File.ReadAllText(file), "job-example.yaml", diagnostics)
            ?? throw new InvalidOperationException(string.Join("\n", diagnostics.Items));
        binding = YamlReader.Read("{namespace: default, resource: Job, name: example}", "bench.yaml", diagnostics)!;
        action = YamlReader.Read("{topic: example/cmd, launch: job-example.yaml, on-exists: replace}", "bench.yaml", diagnostics)!;
        match = MicroFixtures.ValueMap("""{jsonpath: "$.action", map: {"RUN": "launch", "STOP": "delete"}}""")
            .Map(MapValue.Payload("""{"action": "RUN"}"""));
        if (!match.Matched || Render() is null)
        {
            throw new InvalidOperationException("the template does not render");
        }
    }

    [Benchmark]
    public object? TemplateRender() => Render();

    private System.Text.Json.Nodes.JsonObject? Render()
    {
        var variables = TemplateContext.Create(binding, action, match);
        return template.TryRender(variables, out var result, out var error)
            ? result
            : throw new InvalidOperationException(error);
    }
}
