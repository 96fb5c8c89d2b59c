using System.Globalization;
using System.Text;
using MqttKube.Bindings;
using MqttKube.Bindings.Plan;
using MqttKube.Bindings.Reload;
using MqttKube.FakeKube;
using YamlDotNet.RepresentationModel;

namespace MqttKube.Tests.Bindings.Scenarios;

/// <summary>
/// Runs one scenario case file (format: README.md beside this file) against the real <see cref="BindingRuntime"/> over
/// the in-memory ports and a manual clock: sets up the cluster and the broker, starts the runtime, then does each step
/// and waits until the runtime is idle (<see cref="Activity.WaitIdleAsync"/>) before the next.
/// </summary>
internal sealed partial class ScenarioRunner : IAsyncDisposable
{
    /// <summary>How long a step may keep the runtime busy (real time) before the case fails: a guard, not a pause.</summary>
    private static readonly TimeSpan IdleGuard = TimeSpan.FromSeconds(10);

    private static readonly HashSet<string> TopKeys = ["config", "files", "objects", "kinds", "hold-lists", "connected", "settings", "steps"];

    private readonly string file;
    private readonly YamlMappingNode root;
    private readonly string directory;
    private readonly ManualClock clock = new(new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero));
    private readonly RecordingLogs logs = new();
    private readonly InMemoryKube kube = new();
    private readonly MqttKube.Http.Metrics metrics = new();
    private InMemoryMqtt mqtt = null!;
    private BindingRuntime runtime = null!;
    private BindingPlan plan = null!;
    private int publishesSeen;
    private string stepName = "start";

    private ScenarioRunner(string file, YamlMappingNode root)
    {
        this.file = file;
        this.root = root;
        kube.Clock = clock;
        directory = Path.Combine(Path.GetTempPath(), "mqtt-kube-scenario-" + Guid.NewGuid().ToString("N")[..8]);
    }

    public static async Task RunAsync(string path)
    {
        var stream = new YamlStream();
        using (var reader = new StreamReader(path))
        {
            stream.Load(reader);
        }

        if (stream.Documents.Count != 1 || stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            throw new InvalidOperationException($"{path}: a case file is one YAML mapping");
        }

        await using var runner = new ScenarioRunner(Path.GetFileName(path), root);
        await runner.RunAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (reloader is not null)
        {
            await reloader.DisposeAsync();
        }

        if (runtime is not null)
        {
            await runtime.DisposeAsync();
        }

        if (Directory.Exists(directory))
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private YamlNode? Top(string key) => root.Children.TryGetValue(new YamlScalarNode(key), out var node) ? node : null;

    private async Task RunAsync()
    {
        foreach (var key in root.Children.Keys)
        {
            if (!TopKeys.Contains(YamlJson.Text(key)))
            {
                throw new ScenarioFormatException(key, $"unknown key '{key}' (one of {string.Join(", ", TopKeys)})");
            }
        }

        plan = LoadPlan();
        foreach (var kind in (Top("kinds") as YamlSequenceNode)?.Children ?? [])
        {
            kube.Serve(Kind(kind));
        }

        foreach (var obj in (Top("objects") as YamlSequenceNode)?.Children ?? [])
        {
            kube.AddObject(YamlJson.ToObject(obj));
        }

        kube.TakeRequests();
        kube.HoldLists = Top("hold-lists") is { } hold && YamlJson.Bool(hold);
        mqtt = new InMemoryMqtt(Top("connected") is not { } connected || YamlJson.Bool(connected));
        runtime = new BindingRuntime(Services());
        mqtt.Activity = runtime.Activity;
        runtime.Start(plan);
        reloader = new ConfigReloader(ConfigPath, plan, runtime, metrics, logs, clock);
        await SettleAsync();

        var steps = Top("steps") as YamlSequenceNode ?? throw new ScenarioFormatException(root, "a case needs 'steps'");
        var number = 0;
        foreach (var step in steps.Children)
        {
            number++;
            await StepAsync(step, number);
        }

        stepName = "the end (nothing may happen after the last expect)";
        Compare(new YamlMappingNode(), root);
        await runtime.StopAsync(CancellationToken.None);
    }

    private BindingPlan LoadPlan()
    {
        Directory.CreateDirectory(directory);
        var config = Top("config") ?? throw new ScenarioFormatException(root, "a case needs 'config' (the config file's text)");
        File.WriteAllText(ConfigPath, YamlJson.Text(config));
        WriteFiles(Top("files") as YamlMappingNode);
        var loaded = BindingPlanner.Load(ConfigPath, _ => null, "config.yaml");
        return loaded.Plan ?? throw new ScenarioFormatException(config, "the config does not load:\n" + string.Join("\n", loaded.Load.Diagnostics));
    }

    private BindingServices Services()
    {
        var services = new BindingServices(mqtt, kube, logs, metrics, "default", clock)
        {
            Jitter = new NoJitter(),
            NewUid = NextUid,
        };
        foreach (var (key, value) in (Top("settings") as YamlMappingNode ?? new YamlMappingNode()).Children)
        {
            services = YamlJson.Text(key) switch
            {
                "retry-min" => services with { RetryMin = YamlJson.Duration(value) },
                "retry-max" => services with { RetryMax = YamlJson.Duration(value) },
                "conflict-timeout" => services with { ConflictTimeout = YamlJson.Duration(value) },
                "conflict-min-delay" => services with { ConflictMinDelay = YamlJson.Duration(value) },
                "conflict-max-delay" => services with { ConflictMaxDelay = YamlJson.Duration(value) },
                "hold-limit" => services with { HoldLimit = YamlJson.Duration(value) },
                "queue-capacity" => services with { QueueCapacity = YamlJson.Int(value) },
                "transient-attempts" => services with { TransientAttempts = YamlJson.Int(value) },
                "transient-delay" => services with { TransientDelay = YamlJson.Duration(value) },
                "publishes-in-flight" => services with { PublishesInFlight = YamlJson.Int(value) },
                "default-namespace" => services with { DefaultNamespace = YamlJson.Text(value) },
                _ => throw new ScenarioFormatException(key, $"unknown setting '{key}'"),
            };
        }

        return services;
    }

    private int uids;

    private string NextUid() => Interlocked.Increment(ref uids).ToString("x8", CultureInfo.InvariantCulture);

    private static FakeResource Kind(YamlNode node)
    {
        var kind = YamlJson.ToObject(node);
        string Need(string key) => (string?)kind[key] ?? throw new ScenarioFormatException(node, $"a kind needs '{key}'");
        var apiVersion = Need("apiVersion");
        var slash = apiVersion.IndexOf('/', StringComparison.Ordinal);
        return new FakeResource(
            slash < 0 ? "" : apiVersion[..slash],
            apiVersion[(slash + 1)..],
            Need("kind"),
            Need("plural"),
            (bool?)kind["namespaced"] ?? true,
            [.. (kind["shortNames"] as System.Text.Json.Nodes.JsonArray ?? []).Select(n => (string)n!)]);
    }

    /// <summary>Waits until the runtime has nothing queued or in flight; fails the case when it stays busy.</summary>
    private async Task SettleAsync()
    {
        using var guard = new CancellationTokenSource(IdleGuard);
        try
        {
            await runtime.Activity.WaitIdleAsync(guard.Token);
        }
        catch (OperationCanceledException)
        {
            Assert.Fail($"{file}, {stepName}: the runtime is still busy after {IdleGuard.TotalSeconds:0} s ({runtime.Activity.Pending} unit(s) of work)\n{LogText(logs.Take())}");
        }
    }

    private static string LogText(List<string> lines)
    {
        var text = new StringBuilder("log since the previous expect:\n");
        foreach (var line in lines)
        {
            text.Append("  ").AppendLine(line);
        }

        return text.ToString();
    }

    /// <summary>Back-offs without jitter: 1 s, 2 s, 4 s ... exactly, so cases can say when a retry comes.</summary>
    private sealed class NoJitter : Random
    {
        public override double NextDouble() => 0.5;

        protected override double Sample() => 0.5;
    }
}
