using MqttKube.Bindings;

namespace MqttKube.Tests.Bindings.Reload;

/// <summary>Hot reload (SPEC 16) over in-memory ports: validation first, then the running bindings changed as a difference.</summary>
public sealed class ConfigReloaderTests
{
    private static void Seed(MemoryKube kube)
    {
        kube.SetReplicas("media", "jellyfin", 1);
        kube.SetReplicas("media", "sonarr", 2);
        kube.SetReplicas("media", "radarr", 3);
    }

    [Fact]
    public async Task The_same_config_again_is_unchanged_and_publishes_nothing()
    {
        var config = ReloadHarness.Config(ReloadHarness.Watch("jellyfin") + ReloadHarness.Watch("sonarr"));
        await using var harness = await ReloadHarness.StartAsync(config, Seed);
        Assert.Equal(["1"], harness.Mqtt.PayloadsOf("jellyfin/replicas"));
        harness.Mqtt.Clear();

        // Comments and layout do not count: the bindings are the same.
        var outcome = await harness.ReloadAsync("# edited\n" + config.Replace("  - {namespace: media", "  -   {namespace: media", StringComparison.Ordinal));

        Assert.Equal(ReloadOutcome.Unchanged, outcome);
        Assert.Empty(harness.Mqtt.Published);
        Assert.Equal(1, harness.Reloads(ReloadOutcome.Unchanged));
        Assert.Equal(1, harness.Reloader.Status.Generation);
        Assert.Equal(2, harness.Kube.Watching);
    }

    [Fact]
    public async Task An_added_binding_starts_and_the_unchanged_one_publishes_nothing()
    {
        await using var harness = await ReloadHarness.StartAsync(ReloadHarness.Config(ReloadHarness.Watch("jellyfin")), Seed);
        var jellyfin = Assert.Single(harness.Runtime.Bindings);
        harness.Mqtt.Clear();

        var outcome = await harness.ReloadAsync(ReloadHarness.Config(ReloadHarness.Watch("sonarr") + ReloadHarness.Watch("jellyfin")));

        Assert.Equal(ReloadOutcome.Applied, outcome);
        Assert.Equal([("sonarr/replicas", "2", true)], harness.Mqtt.Published);
        Assert.Same(jellyfin, harness.Runtime.Bindings[1]); // kept running, in the new config order
        Assert.Equal(2, harness.Reloader.Status.Generation);
        Assert.Equal("1 added, 1 unchanged", harness.Reloader.Status.LastSummary);
        Assert.Equal(1, harness.Reloads(ReloadOutcome.Applied));
    }

    [Fact]
    public async Task A_removed_binding_stops_and_its_retained_topic_is_cleared()
    {
        await using var harness = await ReloadHarness.StartAsync(ReloadHarness.Config(ReloadHarness.Watch("jellyfin") + ReloadHarness.Watch("sonarr")), Seed);
        harness.Mqtt.Clear();

        var outcome = await harness.ReloadAsync(ReloadHarness.Config(ReloadHarness.Watch("jellyfin")));

        Assert.Equal(ReloadOutcome.Applied, outcome);
        Assert.Equal([("sonarr/replicas", string.Empty, true)], harness.Mqtt.Published);
        Assert.Equal(1, harness.Kube.Watching);
        Assert.Equal(0, harness.Runtime.States.Count - 1); // only jellyfin's state is held

        // The removed binding sees no more events.
        harness.Kube.SetReplicas("media", "sonarr", 7);
        await harness.IdleAsync();
        Assert.DoesNotContain(harness.Mqtt.Published, p => p.Payload == "7");
    }

    [Fact]
    public async Task A_changed_binding_restarts_without_clearing_or_republishing_a_topic_it_still_publishes()
    {
        const string Before = """
              - namespace: media
                resource: Deployment
                name: jellyfin
                watch: {locus: spec.replicas, topic: jellyfin/replicas, retain: true}
                patch: {topic: jellyfin/set, locus: spec.replicas}

            """;
        await using var harness = await ReloadHarness.StartAsync(ReloadHarness.Config(Before), Seed);
        var old = Assert.Single(harness.Runtime.Bindings);
        harness.Mqtt.Clear();

        // Same object, another patch topic and one more watch: restarted; replicas stays as it is on the broker.
        const string After = """
              - namespace: media
                resource: Deployment
                name: jellyfin
                watch:
                  - {locus: spec.replicas, topic: jellyfin/replicas, retain: true}
                  - {locus: metadata.name, topic: jellyfin/name}
                patch: {topic: jellyfin/replicas/set, locus: spec.replicas}

            """;
        var outcome = await harness.ReloadAsync(ReloadHarness.Config(After));

        Assert.Equal(ReloadOutcome.Applied, outcome);
        Assert.Equal("1 changed, 0 unchanged", harness.Reloader.Status.LastSummary);
        Assert.NotSame(old, Assert.Single(harness.Runtime.Bindings));
        Assert.Equal([("jellyfin/name", "jellyfin", false)], harness.Mqtt.Published);
        Assert.Equal(["jellyfin/replicas/set"], harness.Mqtt.Filters);

        // The new binding owns the topic now: a change is published once, and nothing is shared or cleared.
        harness.Kube.SetReplicas("media", "jellyfin", 4);
        await harness.IdleAsync();
        Assert.Equal(["4"], harness.Mqtt.PayloadsOf("jellyfin/replicas"));
    }

    [Fact]
    public async Task A_changed_binding_clears_the_topic_it_no_longer_publishes()
    {
        await using var harness = await ReloadHarness.StartAsync(ReloadHarness.Config(ReloadHarness.Watch("jellyfin")), Seed);
        harness.Mqtt.Clear();

        var outcome = await harness.ReloadAsync(ReloadHarness.Config(ReloadHarness.Watch("jellyfin", topic: "count")));

        Assert.Equal(ReloadOutcome.Applied, outcome);
        Assert.Equal(["1"], harness.Mqtt.PayloadsOf("jellyfin/count"));
        Assert.Equal([string.Empty], harness.Mqtt.PayloadsOf("jellyfin/replicas"));
    }

    [Fact]
    public async Task An_invalid_config_keeps_the_running_one_and_reports_every_error_with_its_position()
    {
        await using var harness = await ReloadHarness.StartAsync(ReloadHarness.Config(ReloadHarness.Watch("jellyfin")), Seed);
        var running = harness.Runtime.Bindings;
        harness.Mqtt.Clear();

        var outcome = await harness.ReloadAsync(ReloadHarness.Config(
            "  - {namespace: media, resource: Deployment, name: Not_A_Name, watch: {locus: spec.replicas, topic: x}}\n" +
            "  - {namespace: media, resource: Deployment, name: sonarr, watch: {locus: 'spec[', topic: y}}\n"));

        Assert.Equal(ReloadOutcome.Invalid, outcome);
        Assert.Equal(running, harness.Runtime.Bindings);
        Assert.Empty(harness.Mqtt.Published);
        var status = harness.Reloader.Status;
        Assert.Equal(1, status.Generation);
        Assert.Equal(2, status.LastErrors.Count);
        Assert.All(status.LastErrors, e => Assert.Matches(@"config\.yaml:\d+:\d+: error: ", e));
        Assert.Equal(1, harness.Reloads(ReloadOutcome.Invalid));

        // Fixed: applied, and counted once more.
        Assert.Equal(ReloadOutcome.Unchanged, await harness.ReloadAsync(ReloadHarness.Config(ReloadHarness.Watch("jellyfin"))));
        Assert.Equal(1, harness.Reloads(ReloadOutcome.Unchanged));
    }

    [Fact]
    public async Task A_changed_template_file_changes_the_binding_that_names_it()
    {
        var action = "  - namespace: media\n    resource: Deployment\n    name: jellyfin\n    action: {topic: jellyfin/run, launch: !relpath job.yaml}\n";
        var folder = Directory.CreateTempSubdirectory("mqtt-kube-reload-").FullName;
        await File.WriteAllTextAsync(Path.Combine(folder, "job.yaml"), "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: a}\n");
        await File.WriteAllTextAsync(Path.Combine(folder, "config.yaml"), ReloadHarness.Config(action));
        await using var harness = await ReloadHarness.StartAtAsync(folder, Path.Combine(folder, "config.yaml"), Seed);

        Assert.Null(await harness.Reloader.ReloadIfChangedAsync());
        await File.WriteAllTextAsync(Path.Combine(folder, "job.yaml"), "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: b}\n");

        Assert.Equal(ReloadOutcome.Applied, await harness.Reloader.ReloadIfChangedAsync());
        Assert.Equal("1 changed, 0 unchanged", harness.Reloader.Status.LastSummary);
    }
}
