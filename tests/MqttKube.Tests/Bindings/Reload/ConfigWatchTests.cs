using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging.Abstractions;
using MqttKube.Bindings;
using MqttKube.Bindings.Plan;
using MqttKube.Bindings.Reload;
using MqttKube.Http;
using MqttKube.Tests.Bindings.Scenarios;
using MqttKube.Tests.Support.Mosquitto;

namespace MqttKube.Tests.Bindings.Reload;

/// <summary>
/// What starts a reload: the config's folder changing (a ConfigMap's <c>..data</c> swap, an edit) and SIGHUP. What a
/// reload does to the bindings is told by the scenario cases (<c>Scenarios/Cases/reload-*.yaml</c>).
/// </summary>
public sealed class ConfigWatchTests
{
    [Fact]
    public async Task A_configmap_style_symlink_swap_is_seen_and_applied()
    {
        // As the kubelet mounts a ConfigMap: config.yaml -> ..data/config.yaml, ..data -> ..TIMESTAMP/
        var folder = Directory.CreateTempSubdirectory("mqtt-kube-configmap-").FullName;
        await WriteVersionAsync(folder, "..2026_01_01_a", Config("jellyfin"));
        File.CreateSymbolicLink(Path.Combine(folder, "..data"), "..2026_01_01_a");
        File.CreateSymbolicLink(Path.Combine(folder, "config.yaml"), "..data/config.yaml");
        await using var service = await Service.StartAsync(folder, Path.Combine(folder, "config.yaml"));

        // The update: a new folder, a new ..data link renamed over the old one, the old folder removed.
        await WriteVersionAsync(folder, "..2026_01_01_b", Config("sonarr"));
        File.CreateSymbolicLink(Path.Combine(folder, "..data_tmp"), "..2026_01_01_b");
        Run("mv", "-T", Path.Combine(folder, "..data_tmp"), Path.Combine(folder, "..data"));
        Directory.Delete(Path.Combine(folder, "..2026_01_01_a"), recursive: true);

        await Eventually.WaitAsync(() => service.Reloader.Status.LastOutcome is not null, "a reload after the swap", TimeSpan.FromSeconds(10));
        await service.IdleAsync();
        Assert.Equal(ReloadOutcome.Applied, service.Reloader.Status.LastOutcome);
        Assert.Equal("file changed", service.Reloader.Status.LastTrigger);
        Assert.Equal(["2"], service.PayloadsOf("sonarr/replicas"));
        Assert.Equal(["1", string.Empty], service.PayloadsOf("jellyfin/replicas"));
        Assert.Equal(1, service.Reloads(ReloadOutcome.Applied));
    }

    [Fact]
    public async Task A_change_elsewhere_in_the_folder_is_not_a_reload()
    {
        var folder = Directory.CreateTempSubdirectory("mqtt-kube-reload-").FullName;
        var path = Path.Combine(folder, "config.yaml");
        await File.WriteAllTextAsync(path, Config("jellyfin"));
        await using var service = await Service.StartAsync(folder, path);
        await File.WriteAllTextAsync(Path.Combine(folder, "notes.txt"), "hello");
        await File.AppendAllTextAsync(path, "# a comment\n");

        // The comment is a change of the file: one reload, and it changes nothing that runs. The note is none.
        await Eventually.WaitAsync(() => service.Reloader.Status.LastOutcome is not null, "a reload after the edit", TimeSpan.FromSeconds(10));
        Assert.Equal(ReloadOutcome.Unchanged, service.Reloader.Status.LastOutcome);
        Assert.Null(await service.Reloader.ReloadIfChangedAsync());
        Assert.Equal(1, service.Reloads(ReloadOutcome.Unchanged) + service.Reloads(ReloadOutcome.Applied));
    }

    [Fact]
    public async Task Sighup_reloads_the_config_and_counts_once()
    {
        var folder = Directory.CreateTempSubdirectory("mqtt-kube-reload-").FullName;
        var path = Path.Combine(folder, "config.yaml");
        await File.WriteAllTextAsync(path, Config("jellyfin"));
        await using var service = await Service.StartAsync(folder, path);

        Run("kill", "-HUP", Environment.ProcessId.ToString(CultureInfo.InvariantCulture));

        await Eventually.WaitAsync(() => service.Reloader.Status.LastTrigger == "SIGHUP", "a reload on SIGHUP", TimeSpan.FromSeconds(10));
        Assert.Equal(ReloadOutcome.Unchanged, service.Reloader.Status.LastOutcome);
        Assert.Equal(1, service.Reloads(ReloadOutcome.Unchanged));
    }

    /// <summary>A config with one binding: Deployment media/NAME's replicas on NAME/replicas (retained).</summary>
    private static string Config(string name) =>
        $"bindings:\n  - {{namespace: media, resource: Deployment, name: {name}, watch: {{locus: spec.replicas, topic: {name}/replicas, retain: true}}}}\n";

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

    /// <summary>
    /// The bindings runtime on the config at a path (in a folder deleted at the end) over the in-memory ports, with
    /// Deployments media/jellyfin (1 replica) and media/sonarr (2), and its reloader watching the folder and SIGHUP.
    /// </summary>
    private sealed class Service(string folder, InMemoryMqtt mqtt, Metrics metrics, BindingRuntime runtime, ConfigReloader reloader) : IAsyncDisposable
    {
        public ConfigReloader Reloader { get; } = reloader;

        public static async Task<Service> StartAsync(string folder, string path)
        {
            var loaded = BindingPlanner.Load(path);
            Assert.True(loaded.Success, string.Join("\n", loaded.Load.Diagnostics));
            var kube = new InMemoryKube();
            foreach (var (name, replicas) in new[] { ("jellyfin", 1), ("sonarr", 2) })
            {
                kube.AddObject(new JsonObject
                {
                    ["apiVersion"] = "apps/v1",
                    ["kind"] = "Deployment",
                    ["metadata"] = new JsonObject { ["namespace"] = "media", ["name"] = name },
                    ["spec"] = new JsonObject { ["replicas"] = replicas },
                });
            }

            var mqtt = new InMemoryMqtt(connected: true);
            var metrics = new Metrics();
            var runtime = new BindingRuntime(new BindingServices(mqtt, kube, NullLoggerFactory.Instance, metrics, "default", TimeProvider.System));
            var reloader = new ConfigReloader(path, loaded.Plan!, runtime, metrics, NullLoggerFactory.Instance) { Debounce = TimeSpan.FromMilliseconds(100) };
            var service = new Service(folder, mqtt, metrics, runtime, reloader);
            runtime.Start(loaded.Plan!);
            await service.IdleAsync();
            reloader.Start();
            return service;
        }

        public Task IdleAsync() => runtime.Activity.WaitIdleAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(20));

        public IReadOnlyList<string> PayloadsOf(string topic) => [.. mqtt.Published.Where(p => p.Topic == topic).Select(p => p.Payload)];

        public long Reloads(ReloadOutcome outcome) => metrics.ConfigReloads(outcome).Value;

        public async ValueTask DisposeAsync()
        {
            await Reloader.DisposeAsync();
            await runtime.StopAsync(CancellationToken.None);
            Directory.Delete(folder, recursive: true);
        }
    }
}
