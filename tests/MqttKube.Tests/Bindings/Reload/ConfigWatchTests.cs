using System.Diagnostics;
using MqttKube.Bindings;
using MqttKube.Tests.Support.Mosquitto;

namespace MqttKube.Tests.Bindings.Reload;

/// <summary>What starts a reload: the config's folder changing (a ConfigMap's <c>..data</c> swap, an edit) and SIGHUP.</summary>
public sealed class ConfigWatchTests
{
    [Fact]
    public async Task A_configmap_style_symlink_swap_is_seen_and_applied()
    {
        // As the kubelet mounts a ConfigMap: config.yaml -> ..data/config.yaml, ..data -> ..TIMESTAMP/
        var folder = Directory.CreateTempSubdirectory("mqtt-kube-configmap-").FullName;
        await WriteVersionAsync(folder, "..2026_01_01_a", ReloadHarness.Config(ReloadHarness.Watch("jellyfin")));
        File.CreateSymbolicLink(Path.Combine(folder, "..data"), "..2026_01_01_a");
        File.CreateSymbolicLink(Path.Combine(folder, "config.yaml"), "..data/config.yaml");
        await using var harness = await ReloadHarness.StartAtAsync(folder, Path.Combine(folder, "config.yaml"), k =>
        {
            k.SetReplicas("media", "jellyfin", 1);
            k.SetReplicas("media", "sonarr", 2);
        });
        harness.Reloader.Start();

        // The update: a new folder, a new ..data link renamed over the old one, the old folder removed.
        await WriteVersionAsync(folder, "..2026_01_01_b", ReloadHarness.Config(ReloadHarness.Watch("sonarr")));
        File.CreateSymbolicLink(Path.Combine(folder, "..data_tmp"), "..2026_01_01_b");
        Run("mv", "-T", Path.Combine(folder, "..data_tmp"), Path.Combine(folder, "..data"));
        Directory.Delete(Path.Combine(folder, "..2026_01_01_a"), recursive: true);

        await Eventually.WaitAsync(() => harness.Reloader.Status.LastOutcome is not null, "a reload after the swap", TimeSpan.FromSeconds(10));
        await harness.IdleAsync();
        Assert.Equal(ReloadOutcome.Applied, harness.Reloader.Status.LastOutcome);
        Assert.Equal("file changed", harness.Reloader.Status.LastTrigger);
        Assert.Equal(["2"], harness.Mqtt.PayloadsOf("sonarr/replicas"));
        Assert.Equal([string.Empty], harness.Mqtt.PayloadsOf("jellyfin/replicas").Skip(1));
        Assert.Equal(1, harness.Reloads(ReloadOutcome.Applied));
    }

    [Fact]
    public async Task A_change_elsewhere_in_the_folder_is_not_a_reload()
    {
        await using var harness = await ReloadHarness.StartAsync(ReloadHarness.Config(ReloadHarness.Watch("jellyfin")), k => k.SetReplicas("media", "jellyfin", 1));
        harness.Reloader.Start();
        await File.WriteAllTextAsync(Path.Combine(harness.Folder, "notes.txt"), "hello");
        await File.AppendAllTextAsync(harness.ConfigPath, "# a comment\n");

        // The comment is a change of the file: one reload, and it changes nothing that runs. The note is none.
        await Eventually.WaitAsync(() => harness.Reloader.Status.LastOutcome is not null, "a reload after the edit", TimeSpan.FromSeconds(10));
        Assert.Equal(ReloadOutcome.Unchanged, harness.Reloader.Status.LastOutcome);
        Assert.Null(await harness.Reloader.ReloadIfChangedAsync());
        Assert.Equal(1, harness.Reloads(ReloadOutcome.Unchanged) + harness.Reloads(ReloadOutcome.Applied));
    }

    [Fact]
    public async Task Sighup_reloads_the_config_and_counts_once()
    {
        await using var harness = await ReloadHarness.StartAsync(ReloadHarness.Config(ReloadHarness.Watch("jellyfin")), k => k.SetReplicas("media", "jellyfin", 1));
        harness.Reloader.Start();

        Run("kill", "-HUP", Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture));

        await Eventually.WaitAsync(() => harness.Reloader.Status.LastTrigger == "SIGHUP", "a reload on SIGHUP", TimeSpan.FromSeconds(10));
        Assert.Equal(ReloadOutcome.Unchanged, harness.Reloader.Status.LastOutcome);
        Assert.Equal(1, harness.Reloads(ReloadOutcome.Unchanged));
    }

    private static async Task WriteVersionAsync(string folder, string version, string config)
    {
        Directory.CreateDirectory(Path.Combine(folder, version));
        await File.WriteAllTextAsync(Path.Combine(folder, version, "config.yaml"), config);
    }

    private static void Run(string command, params string[] args)
    {
        using var process = Process.Start(new ProcessStartInfo(command, args) { UseShellExecute = false })!;
        process.WaitForExit();
        Assert.Equal(0, process.ExitCode);
    }
}
