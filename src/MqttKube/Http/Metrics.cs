using MqttKube.Bindings;

namespace MqttKube.Http;

/// <summary>
/// The service's metrics: a fixed set of counters and one histogram, rendered in the Prometheus text exposition
/// format 0.0.4 by <see cref="Render(IStatusView)"/>. Thread-safe; incrementing is lock-free and allocation-free.
/// </summary>
/// <remarks>
/// Hand-written rather than prometheus-net 8.2.1: that package publishes under NativeAOT without IL warnings but adds
/// about 1.4 MB to the executable and pulls Microsoft.Extensions.Http/Logging 3.1 (NU1603 restore warnings);
/// this registry is a few hundred lines and adds next to nothing.
/// </remarks>
internal sealed partial class Metrics : IBindingMetrics
{
    /// <summary>The prefix of every metric of the service (except the conventional <c>process_start_time_seconds</c>).</summary>
    public const string Prefix = "mqtt_kube_";

    /// <summary>The bucket bounds of <see cref="EventToPublish"/>, in seconds.</summary>
    public static readonly double[] EventToPublishBounds =
        [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5];

    private readonly Counter[] patches = NewCounters(PatchOutcomes.Length);
    private readonly Counter[] actions = NewCounters(ActionVerbs.Length * ActionOutcomes.Length);
    private readonly Counter[] reloads = NewCounters(ReloadOutcomes.Length);

    /// <summary><c>mqtt_kube_mqtt_messages_received_total</c>: MQTT messages received (on subscribed topics).</summary>
    public Counter MessagesReceived { get; } = new();

    /// <summary><c>mqtt_kube_mqtt_messages_published_total</c>: MQTT messages published.</summary>
    public Counter MessagesPublished { get; } = new();

    /// <summary><c>mqtt_kube_patch_conflicts_total</c>: guarded patches refused because the object had changed (each retried).</summary>
    public Counter PatchConflicts { get; } = new();

    /// <summary><c>mqtt_kube_watch_events_total</c>: Kubernetes watch events received.</summary>
    public Counter WatchEvents { get; } = new();

    /// <summary><c>mqtt_kube_watch_restarts_total</c>: watches restarted (failure, expiry, 410 Gone).</summary>
    public Counter WatchRestarts { get; } = new();

    /// <summary><c>mqtt_kube_event_to_publish_seconds</c>: from a Kubernetes event's arrival to its MQTT publish.</summary>
    public Histogram EventToPublish { get; } = new(EventToPublishBounds);

    /// <summary>The counter of <c>mqtt_kube_patches_total{outcome}</c>.</summary>
    public Counter Patches(PatchOutcome outcome) => patches[(int)outcome];

    /// <summary>The counter of <c>mqtt_kube_actions_total{action,outcome}</c>.</summary>
    public Counter Actions(ActionVerb verb, ActionOutcome outcome) =>
        actions[((int)verb * ActionOutcomes.Length) + (int)outcome];

    /// <summary>The counter of <c>mqtt_kube_config_reloads_total{outcome}</c>.</summary>
    public Counter ConfigReloads(ReloadOutcome outcome) => reloads[(int)outcome];

    void IBindingMetrics.ConfigReload(ReloadOutcome outcome) => ConfigReloads(outcome).Increment();

    void IBindingMetrics.WatchEvent() => WatchEvents.Increment();

    void IBindingMetrics.Published(TimeSpan eventToPublish) => EventToPublish.Observe(eventToPublish);

    void IBindingMetrics.Patch(PatchOutcome outcome) => Patches(outcome).Increment();

    void IBindingMetrics.PatchConflicts(int count) => PatchConflicts.Add(count);

    void IBindingMetrics.Action(ActionVerb verb, ActionOutcome outcome) => Actions(verb, outcome).Increment();

    private static Counter[] NewCounters(int count)
    {
        var counters = new Counter[count];
        for (var i = 0; i < count; i++)
        {
            counters[i] = new Counter();
        }

        return counters;
    }
}
