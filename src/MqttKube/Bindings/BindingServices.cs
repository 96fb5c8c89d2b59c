using Microsoft.Extensions.Logging;
using MqttKube.Bindings.Ports;
using MqttKube.Templates;

namespace MqttKube.Bindings;

/// <summary>The two ports the bindings talk through, what they report to, their clock, and their fixed figures.</summary>
internal sealed record BindingServices(IMqttPort Mqtt, IKubePort Kube, ILoggerFactory Logs, IBindingMetrics Metrics, string DefaultNamespace, TimeProvider Time)
{
    private HomeAssistant.DiscoverySettings? homeAssistant;

    /// <summary>Back-off of a binding that cannot start (unknown kind, forbidden): 1 s doubling to 60 s.</summary>
    public TimeSpan RetryMin { get; init; } = TimeSpan.FromSeconds(1);

    public TimeSpan RetryMax { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>How long <c>on-exists: replace</c> waits for the old object to go.</summary>
    public TimeSpan ReplaceTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>How long a patch keeps retrying while the object keeps changing under it (SPEC 3.3: nothing lost).</summary>
    public TimeSpan ConflictTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>The first pause after a conflict; it doubles (with jitter) up to <see cref="ConflictMaxDelay"/>.</summary>
    public TimeSpan ConflictMinDelay { get; init; } = TimeSpan.FromMilliseconds(5);

    public TimeSpan ConflictMaxDelay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>How long a command that arrives while its binding is starting is held; older ones are dropped with a warning.</summary>
    public TimeSpan HoldLimit { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Messages one association of one object keeps waiting at most (held or queued); more are dropped with a warning.</summary>
    public int QueueCapacity { get; init; } = 10_000;

    /// <summary>Attempts of one command when the API answers 429, 5xx or not at all (0.5 s, then 1 s apart).</summary>
    public int TransientAttempts { get; init; } = 3;

    public TimeSpan TransientDelay { get; init; } = TimeSpan.FromMilliseconds(250);

    /// <summary>
    /// States published at once at most (never two of one topic). Each QoS 1 publish waits for its PUBACK, so a start
    /// with a state per watch (2,000 for 1,000 objects) goes through one connection at this many per round trip; the
    /// broker's Receive Maximum (MQTT 5) caps it in <c>MqttConnection</c>.
    /// </summary>
    public int PublishesInFlight { get; init; } = 128;

    /// <summary>The jitter of every back-off (±20 %; tests pass a fixed source).</summary>
    public Random Jitter { get; init; } = Random.Shared;

    /// <summary>
    /// Home Assistant discovery (SPEC 13), when the config has <c>homeassistant:</c>; null: off. A reload may change it
    /// (<see cref="BindingRuntime.ChangeDiscovery"/>); announcements read it when they announce.
    /// </summary>
    public HomeAssistant.DiscoverySettings? HomeAssistant
    {
        get => Volatile.Read(ref homeAssistant);
        set => Volatile.Write(ref homeAssistant, value);
    }

    /// <summary>The template's <c>uid</c> (8 random hex characters; tests fix it).</summary>
    public Func<string> NewUid { get; init; } = TemplateContext.NewUid;
}
