using System.Globalization;
using MqttKube.Bindings;
using MqttKube.Tests.Support.Mosquitto;

namespace MqttKube.Tests.EndToEnd;

/// <summary>Several patch associations writing one object at once: every write lands (SPEC 3.3).</summary>
public sealed class PatchContentionTests(MosquittoBroker broker) : IClassFixture<MosquittoBroker>
{
    private const int Loci = 8;
    private const int PerLocus = 250;

    [Fact]
    public async Task Two_thousand_concurrent_commands_on_eight_loci_of_one_object_lose_nothing()
    {
        var patches = string.Join("\n", Enumerable.Range(0, Loci).Select(i => $"""
                  - topic: cm/k{i}/set
                    locus: $.data.k{i}
            """));
        var bindings = $"""
              - namespace: default
                resource: ConfigMap
                name: shared
                watch:
                  locus: $.data.k0
                  topic: cm/k0
                patch:
            {patches}
            """;
        await using var service = await ServiceUnderTest.StartAsync(broker, bindings, k => k.Upsert("""
            {"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"shared","namespace":"default"},"data":{"other":"kept"}}
            """));
        var metrics = service.Host.Metrics;
        long Handled() => Enum.GetValues<PatchOutcome>().Sum(o => metrics.Patches(o).Value);

        await Task.WhenAll(Enumerable.Range(0, Loci).Select(async i =>
        {
            for (var n = 1; n <= PerLocus; n++)
            {
                await service.PublishAsync($"cm/k{i}/set", n.ToString(CultureInfo.InvariantCulture));
            }
        }));
        await Eventually.WaitAsync(() => Handled() >= Loci * PerLocus, () => $"{Handled()} of {Loci * PerLocus} commands handled", TimeSpan.FromSeconds(120));

        var data = service.Kube.Get("v1", "ConfigMap", "default", "shared")!["data"]!;
        Assert.All(Enumerable.Range(0, Loci), i => Assert.Equal(PerLocus.ToString(CultureInfo.InvariantCulture), (string?)data[$"k{i}"]));
        Assert.Equal("kept", (string?)data["other"]);
        Assert.Equal(0, metrics.Patches(PatchOutcome.Error).Value);
        Assert.Equal(0, metrics.Patches(PatchOutcome.NotFound).Value);
        Assert.DoesNotContain("ERROR", service.Log, StringComparison.Ordinal);

        // Every PATCH sent either landed or was refused as a conflict, and every refusal is counted.
        var sent = service.Kube.Requests.Count(r => r.Method == "PATCH");
        Assert.Equal(sent, metrics.Patches(PatchOutcome.Patched).Value + metrics.PatchConflicts.Value);
        using var http = new HttpClient { BaseAddress = service.Http };
        Assert.Contains($"mqtt_kube_patch_conflicts_total {metrics.PatchConflicts.Value}\n", await http.GetStringAsync("metrics"), StringComparison.Ordinal);
    }
}
