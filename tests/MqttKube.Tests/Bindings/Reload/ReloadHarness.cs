using Microsoft.Extensions.Logging.Abstractions;
using MqttKube.Bindings;
using MqttKube.Bindings.Plan;
using MqttKube.Bindings.Reload;
using MqttKube.Http;

namespace MqttKube.Tests.Bindings.Reload;

/// <summary>A runtime over the in-memory ports on a config file in a folder of its own, and its reloader.</summary>
internal sealed class ReloadHarness : IAsyncDisposable
{
    private ReloadHarness(string folder, string configPath, BindingRuntime runtime, ConfigReloader reloader)
    {
        Folder = folder;
        ConfigPath = configPath;
        Runtime = runtime;
        Reloader = reloader;
    }

    public required MemoryMqtt Mqtt { get; init; }

    public required MemoryKube Kube { get; init; }

    public required Metrics Metrics { get; init; }

    public string Folder { get; }

    public string ConfigPath { get; }

    public BindingRuntime Runtime { get; }

    public ConfigReloader Reloader { get; }

    /// <summary>A config of <paramref name="bindings"/> (the YAML list under <c>bindings:</c>, indented by two).</summary>
    public static string Config(string bindings, string mqtt = "") => $"mqtt:\n  host: 127.0.0.1\n{mqtt}bindings:\n{bindings}";

    /// <summary>A named binding of Deployment media/NAME watching its replicas on NAME/replicas (retained).</summary>
    public static string Watch(string name, string topic = "replicas", string extra = "") =>
        $"  - {{namespace: media, resource: Deployment, name: {name}, watch: {{locus: spec.replicas, topic: {name}/{topic}, retain: true{extra}}}}}\n";

    public static async Task<ReloadHarness> StartAsync(string config, Action<MemoryKube>? seed = null, string? configPath = null)
    {
        var folder = Directory.CreateTempSubdirectory("mqtt-kube-reload-").FullName;
        var path = configPath is null ? Path.Combine(folder, "config.yaml") : Path.Combine(folder, configPath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await File.WriteAllTextAsync(path, config);
        return await StartAtAsync(folder, path, seed);
    }

    /// <summary>Starts on a config file already written at <paramref name="path"/> (under <paramref name="folder"/>, deleted at the end).</summary>
    public static async Task<ReloadHarness> StartAtAsync(string folder, string path, Action<MemoryKube>? seed = null)
    {
        var loaded = BindingPlanner.Load(path);
        Assert.True(loaded.Success, string.Join("\n", loaded.Load.Diagnostics));
        var mqtt = new MemoryMqtt();
        var kube = new MemoryKube();
        seed?.Invoke(kube);
        var metrics = new Metrics();
        var services = new BindingServices(mqtt, kube, NullLoggerFactory.Instance, metrics, "default", TimeProvider.System);
        var runtime = new BindingRuntime(services);
        var reloader = new ConfigReloader(path, loaded.Plan!, runtime, metrics, NullLoggerFactory.Instance) { Debounce = TimeSpan.FromMilliseconds(100) };
        var harness = new ReloadHarness(folder, path, runtime, reloader) { Mqtt = mqtt, Kube = kube, Metrics = metrics };
        runtime.Start(loaded.Plan!);
        await harness.IdleAsync();
        return harness;
    }

    public Task IdleAsync() => Runtime.Activity.WaitIdleAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(20));

    /// <summary>Writes a new config and reloads it (as SIGHUP does), then waits until the runtime is quiet.</summary>
    public async Task<ReloadOutcome> ReloadAsync(string config)
    {
        await File.WriteAllTextAsync(ConfigPath, config);
        var outcome = await Reloader.ReloadAsync("test");
        await IdleAsync();
        return outcome;
    }

    public long Reloads(ReloadOutcome outcome) => Metrics.ConfigReloads(outcome).Value;

    public async ValueTask DisposeAsync()
    {
        await Reloader.DisposeAsync();
        await Runtime.StopAsync(CancellationToken.None);
        Directory.Delete(Folder, recursive: true);
    }
}
