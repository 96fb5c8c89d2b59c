using MqttKube.Bindings;
using MqttKube.Http;
using MqttKube.Kubernetes;
using MqttKube.Mqtt;

namespace MqttKube.Hosting;

/// <summary>The bindings' counts into the Prometheus registry; MQTT and informer counters are synced at each scrape.</summary>
internal sealed class BindingMetrics(Metrics metrics) : IBindingMetrics
{
    private readonly Lock gate = new();
    private long received;
    private long published;
    private long restarts;

    public Metrics Registry { get; } = metrics;

    public void WatchEvent() => Registry.WatchEvents.Increment();

    public void Published(TimeSpan eventToPublish) => Registry.EventToPublish.Observe(eventToPublish);

    public void Patch(string outcome) => Registry.Patches(outcome switch
    {
        "patched" => MetricPatchOutcome.Patched,
        "unchanged" => MetricPatchOutcome.Unchanged,
        "not_found" => MetricPatchOutcome.NotFound,
        "miss" => MetricPatchOutcome.Miss,
        _ => MetricPatchOutcome.Error,
    }).Increment();

    public void PatchConflicts(int count) => Registry.PatchConflicts.Add(count);

    public void Action(string action, string outcome) => Registry.Actions(
        action switch
        {
            "launch" => MetricAction.Launch,
            "delete" => MetricAction.Delete,
            "restart" => MetricAction.Restart,
            _ => MetricAction.Other,
        },
        outcome switch
        {
            "ok" => MetricActionOutcome.Ok,
            "skipped" => MetricActionOutcome.Skipped,
            "miss" => MetricActionOutcome.Miss,
            _ => MetricActionOutcome.Error,
        }).Increment();

    /// <summary>Brings the counters the MQTT client and the informers keep into the registry.</summary>
    public void Sync(MqttConnection mqtt, SharedInformers informers)
    {
        lock (gate)
        {
            var r = mqtt.MessagesReceived;
            var p = mqtt.MessagesPublished;
            var w = informers.Status.Sum(s => (long)s.Restarts);
            Registry.MessagesReceived.Add(Math.Max(0, r - received));
            Registry.MessagesPublished.Add(Math.Max(0, p - published));
            Registry.WatchRestarts.Add(Math.Max(0, w - restarts));
            (received, published, restarts) = (Math.Max(r, received), Math.Max(p, published), Math.Max(w, restarts));
        }
    }
}
