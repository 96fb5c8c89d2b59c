using System.Runtime.InteropServices;
using Microsoft.Extensions.Logging;
using MqttKube.Bindings.Plan;
using MqttKube.Configuration;

namespace MqttKube.Bindings.Reload;

/// <summary>
/// Hot reload (SPEC 16): the config is read again on SIGHUP and when its folder changes (<see cref="ConfigWatcher"/>;
/// only when the config's or a named template's content differs). It is checked as <c>check</c> does; an invalid one
/// is logged with every error and the running config kept; a valid one is applied as a difference
/// (<see cref="BindingRuntime.ApplyAsync"/>), then a changed <c>mqtt</c> section reconnects and a changed <c>http</c>
/// section rebinds (through <see cref="MqttChanged"/> and <see cref="HttpChanged"/>). Reloads run one at a time; each
/// counts once in <c>mqtt_kube_config_reloads_total</c>.
/// </summary>
internal sealed partial class ConfigReloader : IAsyncDisposable
{
    private readonly string path;
    private readonly BindingRuntime runtime;
    private readonly IBindingMetrics metrics;
    private readonly ILogger logger;
    private readonly TimeProvider time;
    private readonly SemaphoreSlim one = new(1, 1);
    private readonly CancellationTokenSource stopping = new();
    private readonly Lock gate = new();
    private BindingPlan plan;
    private ReloadStatus status;
    private string seen;
    private ConfigWatcher? watcher;
    private PosixSignalRegistration? sighup;
    private Task background = Task.CompletedTask;

    public ConfigReloader(string path, BindingPlan plan, BindingRuntime runtime, IBindingMetrics metrics, ILoggerFactory logs, TimeProvider? time = null)
    {
        this.path = path;
        this.plan = plan;
        this.runtime = runtime;
        this.metrics = metrics;
        this.time = time ?? TimeProvider.System;
        logger = logs.CreateLogger("reload");
        status = new ReloadStatus(path, 1, null, null, null, null, []);
        seen = Fingerprint(plan);
    }

    /// <summary>Reconnects MQTT with a changed <c>mqtt</c> section.</summary>
    public Func<MqttConfig, CancellationToken, Task>? MqttChanged { get; init; }

    /// <summary>
    /// The Home Assistant discovery settings of a config (null: discovery off); when set, a reload announces the bound
    /// objects again if their payloads change (<see cref="BindingRuntime.ChangeDiscovery"/>).
    /// </summary>
    public Func<MqttKubeConfig, HomeAssistant.DiscoverySettings?>? Discovery { get; init; }

    /// <summary>Rebinds the web server with a changed <c>http</c> section.</summary>
    public Func<HttpConfig, CancellationToken, Task>? HttpChanged { get; init; }

    /// <summary>How long the folder must be quiet before a change is looked at.</summary>
    public TimeSpan Debounce { get; init; } = TimeSpan.FromMilliseconds(300);

    /// <summary>How long a stopped binding's queued commands may take to finish.</summary>
    public TimeSpan DrainTimeout { get; init; } = TimeSpan.FromSeconds(3);

    /// <summary>The config that runs now.</summary>
    public BindingPlan Plan
    {
        get
        {
            lock (gate)
            {
                return plan;
            }
        }
    }

    public ReloadStatus Status
    {
        get
        {
            lock (gate)
            {
                return status;
            }
        }
    }

    /// <summary>Starts watching the config's folder and taking SIGHUP.</summary>
    public void Start()
    {
        watcher = new ConfigWatcher(path, Debounce, () => Run("file changed", onlyIfChanged: true), time);
        if (!OperatingSystem.IsWindows())
        {
            sighup = PosixSignalRegistration.Create(PosixSignal.SIGHUP, context =>
            {
                context.Cancel = true; // SIGHUP's default is to end the process
                Run("SIGHUP", onlyIfChanged: false);
            });
        }

        LogWatching(logger, path, watcher.Folder);
    }

    /// <summary>Reads the config again and applies it (what SIGHUP does); returns the outcome.</summary>
    public async Task<ReloadOutcome> ReloadAsync(string trigger = "request") =>
        await ReloadOnceAsync(trigger, onlyIfChanged: false).ConfigureAwait(false) ?? ReloadOutcome.Unchanged;

    /// <summary>Reloads when the config's or a template's content differs from what was last read (null: it does not).</summary>
    public Task<ReloadOutcome?> ReloadIfChangedAsync() => ReloadOnceAsync("file changed", onlyIfChanged: true);

    public async ValueTask DisposeAsync()
    {
        sighup?.Dispose();
        watcher?.Dispose();
        await stopping.CancelAsync().ConfigureAwait(false);
        await background.ConfigureAwait(false);
    }

    private void Run(string trigger, bool onlyIfChanged)
    {
        lock (gate)
        {
            background = Task.WhenAll(background, Task.Run(() => ReloadOnceAsync(trigger, onlyIfChanged)));
        }
    }

    private async Task<ReloadOutcome?> ReloadOnceAsync(string trigger, bool onlyIfChanged)
    {
        try
        {
            await one.WaitAsync(stopping.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            return null;
        }

        try
        {
            var running = Plan;
            var fingerprint = Fingerprint(running);
            if (onlyIfChanged && string.Equals(fingerprint, seen, StringComparison.Ordinal))
            {
                LogNoChange(logger, path);
                return null;
            }

            seen = fingerprint;
            var (outcome, summary, errors) = await ReadAndApplyAsync(running).ConfigureAwait(false);
            metrics.ConfigReload(outcome);
            lock (gate)
            {
                var generation = status.Generation + (outcome == ReloadOutcome.Applied ? 1 : 0);
                status = new ReloadStatus(path, generation, outcome, time.GetUtcNow(), trigger, summary, errors);
            }

            return outcome;
        }
        finally
        {
            one.Release();
        }
    }

    private async Task<(ReloadOutcome Outcome, string Summary, IReadOnlyList<string> Errors)> ReadAndApplyAsync(BindingPlan running)
    {
        var loaded = BindingPlanner.Load(path);
        if (!loaded.Success)
        {
            var errors = loaded.Load.Diagnostics.Select(d => d.ToString()).ToList();
            foreach (var error in errors)
            {
                LogError(logger, error);
            }

            var count = errors.Count + loaded.Load.DroppedDiagnostics;
            LogInvalid(logger, path, count, Status.Generation);
            return (ReloadOutcome.Invalid, $"{count} error(s); the running config is kept", errors);
        }

        var next = loaded.Plan!;
        try
        {
            using var drain = CancellationTokenSource.CreateLinkedTokenSource(stopping.Token);
            drain.CancelAfter(DrainTimeout);
            var mqtt = !string.Equals(MqttSection(running.Config.Mqtt), MqttSection(next.Config.Mqtt), StringComparison.Ordinal);
            var http = running.Config.Http != next.Config.Http;
            var homeAssistant = HomeAssistantChanged(running.Config.Homeassistant, next.Config.Homeassistant);
            if ((homeAssistant || mqtt) && Discovery is { } discovery)
            {
                // The payloads name the prefix and the availability topic: only a changed homeassistant or mqtt section
                // can change them. Before the bindings start, so new ones announce with the new settings.
                runtime.ChangeDiscovery(discovery(next.Config));
            }

            var applied = await runtime.ApplyAsync(next, drain.Token).ConfigureAwait(false);
            if (!string.Equals(Dump(running.Config.Logging.Dump), Dump(next.Config.Logging.Dump), StringComparison.Ordinal))
            {
                LogLoggingChanged(logger);
            }

            lock (gate)
            {
                plan = next;
            }

            if (mqtt && MqttChanged is { } reconnect)
            {
                await reconnect(next.Config.Mqtt, stopping.Token).ConfigureAwait(false);
            }

            if (mqtt && TopicPrefixChanged(running.Config.Mqtt, next.Config.Mqtt))
            {
                // After the reconnection began: nothing is published under the old prefix after its clears.
                LogOldPrefixCleared(logger, running.Config.Mqtt.TopicPrefix ?? string.Empty, runtime.States.ClearUnder(running.Config.Mqtt.TopicPrefix, next.Config.Mqtt.TopicPrefix));
            }

            if (http && HttpChanged is { } rebind)
            {
                await rebind(next.Config.Http, stopping.Token).ConfigureAwait(false);
            }

            var summary = Summary(applied, mqtt, http, homeAssistant);
            if (applied.IsEmpty && !mqtt && !http && !homeAssistant)
            {
                LogUnchanged(logger, path, applied.Kept);
                return (ReloadOutcome.Unchanged, summary, []);
            }

            LogApplied(logger, path, Status.Generation + 1, summary);
            return (ReloadOutcome.Applied, summary, []);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !stopping.IsCancellationRequested)
        {
            LogApplyFailed(logger, path, ex.Message);
            return (ReloadOutcome.Invalid, $"applying failed: {ex.Message}", [ex.Message]);
        }
    }
}
