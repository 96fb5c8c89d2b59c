using System.Diagnostics;
using System.Text.Json.Nodes;
using MqttKube.JsonPath;
using Xunit.Abstractions;

namespace MqttKube.Tests.JsonPath;

/// <summary>The hot path of a watch: reading one value from a parsed ~10 KB Deployment.</summary>
public sealed class PerformanceTests(ITestOutputHelper output)
{
    private static JsonNode Deployment() =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(ComplianceSuite.RepoRoot(), "tests", "MqttKube.Tests", "JsonPath", "Cases", "deployment.json")))!;

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

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 10_000; i++)
        {
            query.TryGetSingle(doc, out _);
            locus!.Read(doc);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    [Fact]
    public void Singular_reads_are_fast()
    {
        var doc = Deployment();
        Assert.True(JsonPathQuery.TryParse("$.status.availableReplicas", JsonPathSyntax.Strict, out var query, out _));
        query.TryGetSingle(doc, out _);
        const int n = 2_000_000;
        var best = double.MaxValue;
        for (var round = 0; round < 3; round++)
        {
            var watch = Stopwatch.StartNew();
            for (var i = 0; i < n; i++)
            {
                query.TryGetSingle(doc, out _);
            }

            best = Math.Min(best, watch.Elapsed.TotalSeconds);
        }

        var perSecond = n / best;
        output.WriteLine($"{perSecond / 1e6:F1} M reads/s");

        // Generous for a Debug build on a busy machine; a Release build does several times more.
        Assert.True(perSecond > 1_000_000, $"{perSecond:N0} reads/s");
    }
}
