using System.Text.Json.Nodes;
using BenchmarkDotNet.Attributes;
using MqttKube.JsonPath;

namespace MqttKube.Benchmarks.Micro;

/// <summary>A watch's locus read from a parsed, realistic ~10 KB Deployment (tests/.../JsonPath/Cases/deployment.json).</summary>
[MemoryDiagnoser]
public class LocusBenchmarks
{
    private JsonNode deployment = null!;
    private JsonPathQuery status = null!;
    private JsonPathQuery image = null!;

    [GlobalSetup]
    public void Setup()
    {
        deployment = JsonNode.Parse(File.ReadAllText(MicroFixtures.RepoFile("tests/MqttKube.Tests/JsonPath/Cases/deployment.json")))!;
        status = Parse("status.availableReplicas");
        image = Parse("$.spec.template.spec.containers[0].image");
        if (!status.TryGetSingle(deployment, out _) || !image.TryGetSingle(deployment, out _))
        {
            throw new InvalidOperationException("the loci select nothing in deployment.json");
        }
    }

    /// <summary><c>status.availableReplicas</c> (two names).</summary>
    [Benchmark]
    public JsonNode? LocusStatus() => status.TryGetSingle(deployment, out var value) ? value : null;

    /// <summary><c>$.spec.template.spec.containers[0].image</c> (six steps, one index).</summary>
    [Benchmark]
    public JsonNode? LocusImage() => image.TryGetSingle(deployment, out var value) ? value : null;

    private static JsonPathQuery Parse(string text) =>
        JsonPathQuery.TryParse(text, JsonPathSyntax.Locus, out var query, out var error)
            ? query
            : throw new InvalidOperationException($"{text}: {error}");
}
