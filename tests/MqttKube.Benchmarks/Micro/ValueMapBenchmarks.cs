using System.Text.Json.Nodes;
using BenchmarkDotNet.Attributes;
using MqttKube.ValueMapping;

namespace MqttKube.Benchmarks.Micro;

/// <summary>
/// Value maps as a binding runs them: an inbound payload looked up among literal keys, and an outbound JSON value
/// tested by lambda keys (the second one matches, as in the original's <c>lambda v: v &gt;= 0</c> example).
/// </summary>
[MemoryDiagnoser]
public class ValueMapBenchmarks
{
    private ValueMap literal = null!;
    private ValueMap lambda = null!;
    private JsonNode replicas = null!;

    [GlobalSetup]
    public void Setup()
    {
        literal = MicroFixtures.ValueMap("""{map: {"ON": 1, "OFF": 0, "RESTART": 2, "PAUSE": 3}}""");
        lambda = MicroFixtures.ValueMap("""{map: {"lambda v: v >= 10": "many", "lambda v: v > 0": "some", ~: "none"}}""");
        replicas = JsonValue.Create(3);
        Check(literal.Map(MapValue.Payload("OFF")), "0");
        Check(lambda.Map(MapValue.Json(replicas)), "\"some\"");
    }

    /// <summary>Payload "OFF" against four literal keys (the second matches).</summary>
    [Benchmark]
    public bool LiteralLookup() => literal.Map(MapValue.Payload("OFF")).Matched;

    /// <summary>The JSON number 3 against lambda keys (the second matches).</summary>
    [Benchmark]
    public bool LambdaLookup() => lambda.Map(MapValue.Json(replicas)).Matched;

    private static void Check(MapResult result, string expected)
    {
        if (!result.Matched || result.Output?.ToJsonString() != expected)
        {
            throw new InvalidOperationException($"value map gave {result.Output?.ToJsonString() ?? "a miss"}, expected {expected}");
        }
    }
}
