using System.Text;
using MqttKube.Bindings;
using MqttKube.Http;
using MqttKube.Tests.Support;

namespace MqttKube.Tests.Http;

public sealed class MetricsTests
{
    private static readonly DateTimeOffset Start = new(2026, 1, 1, 12, 0, 0, 250, TimeSpan.Zero);

    private static string Render(Metrics metrics, string version = "1.2.3", bool connected = true)
    {
        var text = new StringBuilder();
        metrics.WriteTo(text, version, Start, connected);
        return text.ToString();
    }

    [Fact]
    public void Text_format_matches_the_snapshot()
    {
        var metrics = new Metrics();
        metrics.MessagesReceived.Add(3);
        metrics.MessagesPublished.Increment();
        metrics.Patches(PatchOutcome.Patched).Add(2);
        metrics.Patches(PatchOutcome.NotFound).Increment();
        metrics.Actions(ActionVerb.Launch, ActionOutcome.Ok).Increment();
        metrics.Actions(ActionVerb.Other, ActionOutcome.Miss).Increment();
        metrics.WatchEvents.Add(7);
        metrics.WatchRestarts.Increment();
        metrics.EventToPublish.Observe(TimeSpan.FromMilliseconds(2));
        metrics.EventToPublish.Observe(TimeSpan.FromMilliseconds(30));
        metrics.EventToPublish.Observe(TimeSpan.FromSeconds(7));

        Snapshot.VerifyBeside(Render(metrics), "Metrics");
    }

    [Fact]
    public void Every_line_parses_and_every_family_is_typed()
    {
        var metrics = new Metrics();
        var samples = PrometheusParser.Parse(Render(metrics), out var types);

        foreach (var sample in samples)
        {
            var family = types.Keys.Where(t => sample.Name == t || sample.Name.StartsWith(t + "_", StringComparison.Ordinal))
                .OrderByDescending(t => t.Length).FirstOrDefault();
            Assert.True(family is not null, $"no TYPE for {sample.Name}");
        }

        Assert.Equal(5, samples.Count(s => s.Name == "mqtt_kube_patches_total"));
        Assert.Equal(20, samples.Count(s => s.Name == "mqtt_kube_actions_total")); // 5 actions (launch, delete, restart, run, other) × 4 outcomes
        Assert.Equal("histogram", types["mqtt_kube_event_to_publish_seconds"]);
        Assert.Equal(1767268800.25, samples.Single(s => s.Name == "process_start_time_seconds").Value);
    }

    [Fact]
    public void Counters_move_under_their_labels_only()
    {
        var metrics = new Metrics();
        metrics.Patches(PatchOutcome.Error).Increment();
        metrics.Actions(ActionVerb.Restart, ActionOutcome.Skipped).Add(4);

        var samples = PrometheusParser.Parse(Render(metrics), out _);
        var patches = samples.Where(s => s.Name == "mqtt_kube_patches_total").ToList();
        Assert.Equal(1, patches.Single(s => s.Has("outcome", "error")).Value);
        Assert.Equal(0, patches.Where(s => !s.Has("outcome", "error")).Sum(s => s.Value));

        var actions = samples.Where(s => s.Name == "mqtt_kube_actions_total").ToList();
        Assert.Equal(4, actions.Single(s => s.Has("action", "restart") && s.Has("outcome", "skipped")).Value);
        Assert.Equal(4, actions.Sum(s => s.Value));
    }

    [Fact]
    public void Histogram_buckets_are_cumulative_and_bounds_inclusive()
    {
        var metrics = new Metrics();
        metrics.EventToPublish.Observe(TimeSpan.FromMilliseconds(1));     // exactly on the 0.001 bound
        metrics.EventToPublish.Observe(TimeSpan.FromMilliseconds(1.5));
        metrics.EventToPublish.Observe(TimeSpan.FromSeconds(5));          // exactly on the last bound
        metrics.EventToPublish.Observe(TimeSpan.FromSeconds(60));         // only in +Inf
        metrics.EventToPublish.Observe(TimeSpan.FromSeconds(-1));         // counts as zero

        var samples = PrometheusParser.Parse(Render(metrics), out _);
        var buckets = samples.Where(s => s.Name == "mqtt_kube_event_to_publish_seconds_bucket").ToList();
        double Bucket(string le) => buckets.Single(b => b.Has("le", le)).Value;

        Assert.Equal(14, buckets.Count);
        Assert.Equal("+Inf", buckets[^1].Labels["le"]);
        for (var i = 1; i < buckets.Count; i++)
        {
            Assert.True(buckets[i].Value >= buckets[i - 1].Value, "buckets must be cumulative");
            Assert.True(double.Parse(buckets[i].Labels["le"] == "+Inf" ? "Infinity" : buckets[i].Labels["le"], System.Globalization.CultureInfo.InvariantCulture)
                > double.Parse(buckets[i - 1].Labels["le"], System.Globalization.CultureInfo.InvariantCulture));
        }

        Assert.Equal(1, Bucket("0.0005"));
        Assert.Equal(2, Bucket("0.001"));
        Assert.Equal(3, Bucket("0.0025"));
        Assert.Equal(3, Bucket("2.5"));
        Assert.Equal(4, Bucket("5"));
        Assert.Equal(5, Bucket("+Inf"));
        Assert.Equal(5, samples.Single(s => s.Name == "mqtt_kube_event_to_publish_seconds_count").Value);
        Assert.Equal(65.0025, samples.Single(s => s.Name == "mqtt_kube_event_to_publish_seconds_sum").Value, 9);
    }

    [Fact]
    public void Label_values_and_help_are_escaped()
    {
        var text = Render(new Metrics(), version: "1.0 \"beta\"\\x\nnext");

        Assert.Contains("mqtt_kube_build_info{version=\"1.0 \\\"beta\\\"\\\\x\\nnext\"} 1\n", text);
        var samples = PrometheusParser.Parse(text, out _);
        Assert.Equal("1.0 \"beta\"\\x\nnext", samples.Single(s => s.Name == "mqtt_kube_build_info").Labels["version"]);
    }

    [Fact]
    public void Connected_gauge_follows_the_argument()
    {
        Assert.Contains("\nmqtt_kube_mqtt_connected 0\n", Render(new Metrics(), connected: false));
        Assert.Contains("\nmqtt_kube_mqtt_connected 1\n", Render(new Metrics(), connected: true));
    }

    [Fact]
    public void Concurrent_increments_are_all_counted()
    {
        var metrics = new Metrics();
        const int PerThread = 50_000;
        Parallel.For(0, 4, _ =>
        {
            for (var i = 0; i < PerThread; i++)
            {
                metrics.MessagesReceived.Increment();
                metrics.Patches(PatchOutcome.Unchanged).Increment();
                metrics.EventToPublish.Observe(TimeSpan.FromMilliseconds(i % 20));
            }
        });

        Assert.Equal(4 * PerThread, metrics.MessagesReceived.Value);
        Assert.Equal(4 * PerThread, metrics.Patches(PatchOutcome.Unchanged).Value);
        Assert.Equal(4 * PerThread, metrics.EventToPublish.Count);
    }

    [Fact]
    public void Incrementing_and_observing_allocate_nothing()
    {
        var metrics = new Metrics();
        Exercise(metrics); // warm up (JIT, tiering)
        var before = GC.GetAllocatedBytesForCurrentThread();
        Exercise(metrics);
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);

        static void Exercise(Metrics metrics)
        {
            for (var i = 0; i < 1000; i++)
            {
                metrics.MessagesReceived.Increment();
                metrics.Patches(PatchOutcome.Miss).Increment();
                metrics.Actions(ActionVerb.Delete, ActionOutcome.Error).Increment();
                metrics.EventToPublish.Observe(TimeSpan.FromTicks(i * 1000));
            }
        }
    }

    [Fact]
    public void Counter_refuses_to_go_down()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new Metrics().WatchEvents.Add(-1));
    }

    [Fact]
    public void Histogram_refuses_unordered_bounds()
    {
        Assert.Throws<ArgumentException>(() => new Histogram([0.1, 0.1]));
        Assert.Throws<ArgumentException>(() => new Histogram([double.PositiveInfinity]));
    }
}
