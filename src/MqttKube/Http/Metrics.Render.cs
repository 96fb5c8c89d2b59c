using System.Text;
using MqttKube.Bindings;

namespace MqttKube.Http;

internal sealed partial class Metrics
{
    /// <summary>The content type of <see cref="Render(IStatusView)"/>'s text.</summary>
    public const string ContentType = "text/plain; version=0.0.4; charset=utf-8";

    // Every value of the enums, in order; their label names come from OutcomeNames.
    private static readonly PatchOutcome[] PatchOutcomes = Enum.GetValues<PatchOutcome>();
    private static readonly ActionVerb[] ActionVerbs = Enum.GetValues<ActionVerb>();
    private static readonly ActionOutcome[] ActionOutcomes = Enum.GetValues<ActionOutcome>();
    private static readonly ReloadOutcome[] ReloadOutcomes = Enum.GetValues<ReloadOutcome>();

    /// <summary>Called before each scrape, to bring counters kept elsewhere (the MQTT client's) up to date.</summary>
    public Action? BeforeScrape { get; set; }

    /// <summary>Renders every metric; the gauges that describe the service are read from <paramref name="status"/>.</summary>
    public string Render(IStatusView status)
    {
        ArgumentNullException.ThrowIfNull(status);
        BeforeScrape?.Invoke();
        var output = new StringBuilder(4096);
        WriteTo(output, status.Version, status.StartedAt, status.Mqtt.Connected, status.Leader?.Leading ?? true);
        return output.ToString();
    }

    /// <summary>Renders every metric into <paramref name="output"/>.</summary>
    public void WriteTo(StringBuilder output, string version, DateTimeOffset startedAt, bool mqttConnected, bool leader = true)
    {
        ArgumentNullException.ThrowIfNull(output);
        var text = new PrometheusText(output);

        text.Header(Prefix + "build_info", "gauge", "The version of mqtt-kube that runs (value always 1).");
        text.Sample(Prefix + "build_info", 1, ("version", version));

        text.Header("process_start_time_seconds", "gauge", "Start time of the process since the Unix epoch, in seconds.");
        text.Sample("process_start_time_seconds", startedAt.ToUnixTimeMilliseconds() / 1000.0);

        text.Header(Prefix + "mqtt_connected", "gauge", "Whether the MQTT client is connected to the broker (1) or not (0).");
        text.Sample(Prefix + "mqtt_connected", mqttConnected ? 1 : 0);

        text.Header(Prefix + "leader", "gauge", "Whether this replica leads (1: handles commands, writes objects, publishes) or follows (0); always 1 without leader election.");
        text.Sample(Prefix + "leader", leader ? 1 : 0);

        WriteCounter(text, "mqtt_messages_received_total", "MQTT messages received.", MessagesReceived);
        WriteCounter(text, "mqtt_messages_published_total", "MQTT messages published.", MessagesPublished);

        text.Header(Prefix + "patches_total", "counter", "Patches of Kubernetes objects, by outcome.");
        foreach (var outcome in PatchOutcomes)
        {
            text.Sample(Prefix + "patches_total", Patches(outcome).Value, ("outcome", OutcomeNames.Of(outcome)));
        }

        WriteCounter(text, "patch_conflicts_total", "Patches refused because the object changed since it was read (resourceVersion conflicts), each retried with a fresh read.", PatchConflicts);

        text.Header(Prefix + "actions_total", "counter", "Actions (launch, delete, restart), by action and outcome.");
        foreach (var verb in ActionVerbs)
        {
            foreach (var outcome in ActionOutcomes)
            {
                text.Sample(Prefix + "actions_total", Actions(verb, outcome).Value, ("action", OutcomeNames.Of(verb)), ("outcome", OutcomeNames.Of(outcome)));
            }
        }

        WriteCounter(text, "watch_events_total", "Kubernetes watch events received.", WatchEvents);
        WriteCounter(text, "watch_restarts_total", "Kubernetes watches restarted after a failure or expiry.", WatchRestarts);

        text.Header(Prefix + "config_reloads_total", "counter", "Config reloads (SIGHUP or a changed file), by outcome.");
        foreach (var outcome in ReloadOutcomes)
        {
            text.Sample(Prefix + "config_reloads_total", ConfigReloads(outcome).Value, ("outcome", OutcomeNames.Of(outcome)));
        }

        WriteHistogram(
            text,
            Prefix + "event_to_publish_seconds",
            "Time from a Kubernetes event to the MQTT publish it causes, in seconds.",
            EventToPublish);
    }

    private static void WriteCounter(PrometheusText text, string name, string help, Counter counter)
    {
        text.Header(Prefix + name, "counter", help);
        text.Sample(Prefix + name, counter.Value);
    }

    private static void WriteHistogram(PrometheusText text, string name, string help, Histogram histogram)
    {
        text.Header(name, "histogram", help);
        var cumulative = histogram.CumulativeCounts();
        for (var i = 0; i < histogram.Bounds.Length; i++)
        {
            text.Sample(name + "_bucket", cumulative[i], ("le", PrometheusText.FormatDouble(histogram.Bounds[i])));
        }

        var count = cumulative[^1];
        text.Sample(name + "_bucket", count, ("le", "+Inf"));
        text.Sample(name + "_sum", histogram.SumSeconds);
        text.Sample(name + "_count", count);
    }
}
