using System.Text.Json.Nodes;
using MqttKube.JsonPath;
using MqttKube.Tests.Support;

namespace MqttKube.Tests.JsonPath;

/// <summary>
/// The hot path of a watch: reading one value from a parsed ~10 KB Deployment allocates nothing.
/// (Throughput is measured by the benchmarks, never by a timed test.)
/// </summary>
public sealed class AllocationTests
{
    private static JsonNode Deployment() =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(RepoPaths.TestSource(Path.Combine("JsonPath", "Cases")), "deployment.json")))!;

    [Theory]
    [InlineData("$.status.availableReplicas", "1")]
    [InlineData("status.availableReplicas", "1")]
    [InlineData("$.spec.template.spec.containers[0].image", "\"ghcr.io/example/app:1.2.3\"")]
    [InlineData("$.spec.template.spec.containers[-1].ports[0].containerPort", "8082")]
    public void Singular_reads_allocate_nothing(string text, string expected)
    {
        var doc = Deployment();
        Assert.True(JsonPathQuery.TryParse(text, JsonPathSyntax.Locus, out var query, out _));
        Assert.True(Locus.TryParse(text, out var locus, out _));
        Assert.True(query.TryGetSingle(doc, out var value)); // first read materializes the lazily parsed objects
        Assert.Equal(expected, value!.ToJsonString());

        // Steady state: the least of three rounds. A one-off allocation by the runtime itself (a method tiering up
        // while the loop runs, on a busy machine) can land in one round; a read that allocates shows in all three.
        var least = long.MaxValue;
        for (var round = 0; round < 3; round++)
        {
            var before = GC.GetAllocatedBytesForCurrentThread();
            for (var i = 0; i < 10_000; i++)
            {
                query.TryGetSingle(doc, out _);
                locus!.Read(doc);
            }

            least = Math.Min(least, GC.GetAllocatedBytesForCurrentThread() - before);
        }

        Assert.Equal(0, least);
    }
}
