using MqttKube.Bindings;
using MqttKube.Tests.Support.Mosquitto;

namespace MqttKube.Tests.EndToEnd;

/// <summary>Hot reload of the running service (SPEC 16) against the real broker and the fake API server.</summary>
public sealed class HotReloadTests(MosquittoBroker broker) : IClassFixture<MosquittoBroker>
{
    private const string Jellyfin = """
          - namespace: media
            resource: Deployment
            name: jellyfin
            watch: {locus: spec.replicas, topic: jellyfin/replicas, retain: true}
        """;

    private const string Sonarr = """
          - namespace: media
            resource: Deployment
            name: sonarr
            watch: {locus: spec.replicas, topic: sonarr/replicas, retain: true}
        """;

    private const string Radarr = """
          - namespace: media
            resource: Deployment
            name: radarr
            watch: {locus: spec.replicas, topic: radarr/replicas, retain: true}
        """;

    [Fact]
    public async Task Editing_the_config_starts_the_new_binding_clears_the_removed_one_and_leaves_the_others_alone()
    {
        await using var service = await ServiceUnderTest.StartAsync(broker, Jellyfin + "\n" + Sonarr, k =>
        {
            k.Upsert(Objects.Deployment("jellyfin", replicas: 1));
            k.Upsert(Objects.Deployment("sonarr", replicas: 2));
            k.Upsert(Objects.Deployment("radarr", replicas: 3));
        });
        await service.WaitForAsync("jellyfin/replicas", "1");
        await service.WaitForAsync("sonarr/replicas", "2");

        var config = await File.ReadAllTextAsync(service.ConfigPath);
        await File.WriteAllTextAsync(service.ConfigPath, config.Replace(Sonarr, Radarr, StringComparison.Ordinal));

        await service.WaitForAsync("radarr/replicas", "3");
        await service.WaitForAsync("sonarr/replicas", string.Empty);
        await Eventually.WaitAsync(() => service.Host.Status.Reloader!.Status.LastOutcome == ReloadOutcome.Applied, () => "the reload: " + service.Log);
        Assert.Equal(["1"], service.Payloads("jellyfin/replicas")); // unchanged: nothing published again
        Assert.Equal(2, service.Host.Status.Reloader!.Status.Generation);

        using var http = new HttpClient { BaseAddress = service.Http };
        var metrics = await http.GetStringAsync("/metrics");
        Assert.Contains("mqtt_kube_config_reloads_total{outcome=\"applied\"} 1", metrics, StringComparison.Ordinal);
        var page = await http.GetStringAsync("/");
        Assert.Contains("generation 2", page, StringComparison.Ordinal);
        Assert.Contains($"<code>{service.Prefix}/radarr/replicas</code>", page, StringComparison.Ordinal);
        Assert.DoesNotContain("sonarr/replicas", page, StringComparison.Ordinal);

        // A broken edit keeps the running config and says why, with the position.
        await File.WriteAllTextAsync(service.ConfigPath, config.Replace("name: sonarr", "name: Not_Valid", StringComparison.Ordinal));
        await Eventually.WaitAsync(() => service.Host.Status.Reloader!.Status.LastOutcome == ReloadOutcome.Invalid, () => "the invalid reload: " + service.Log);
        Assert.Matches(@"config\.yaml:\d+:\d+: error: 'bindings\[1\]\.name' is not a valid Kubernetes object name", service.Log);
        Assert.Equal(2, service.Host.Status.Reloader!.Status.Generation);
        Assert.Equal(2, service.Host.Runtime.Bindings.Count);
    }
}
