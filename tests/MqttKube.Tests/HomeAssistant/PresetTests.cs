using System.Text.Json.Nodes;
using MqttKube.Bindings.Outbound;
using MqttKube.Bindings.Plan;
using MqttKube.Configuration;
using MqttKube.ValueMapping;

namespace MqttKube.Tests.HomeAssistant;

/// <summary>The presets' state sensors (SPEC 13) over the objects Kubernetes reports, and their commands' values.</summary>
public sealed class PresetTests
{
    internal static BindingPlan Plan(string bindings)
    {
        var diagnostics = new DiagnosticBag();
        var config = ConfigLoader.Parse("homeassistant: {}\nbindings:\n" + bindings, "config.yaml", "config.yaml", diagnostics);
        var plan = BindingPlanner.Build(config!, new ConfigBindContext("config.yaml", diagnostics));
        Assert.Empty(diagnostics.Items);
        return plan;
    }

    private static BindingPlan Appliance => Plan("  - {namespace: media, resource: Deployment, name: jellyfin, preset: appliance}\n");

    /// <summary>The payload the watch on <paramref name="topic"/> publishes for <paramref name="obj"/>.</summary>
    private static string Payload(BindingPlan plan, string topic, string? obj)
    {
        var watch = plan.Bindings[0].Watches.Single(w => w.Config.Topic == topic);
        var value = WatchAssociation.Read(watch, obj is null ? null : JsonNode.Parse(obj)!.AsObject());
        var result = watch.Values.Map(MapValue.Json(value));
        return PayloadText.Of(result.Matched ? result.Output : value);
    }

    [Theory]
    [InlineData("""{"metadata":{"generation":2},"spec":{"replicas":3},"status":{"observedGeneration":2,"availableReplicas":3}}""", "Running")]
    [InlineData("""{"metadata":{"generation":2},"spec":{"replicas":0},"status":{"observedGeneration":2}}""", "Scaled down")]
    [InlineData("""{"metadata":{"generation":3},"spec":{"replicas":3},"status":{"observedGeneration":2,"availableReplicas":3}}""", "Progressing")]
    [InlineData("""{"metadata":{"generation":2},"spec":{"replicas":3},"status":{"observedGeneration":2,"availableReplicas":1}}""", "Progressing")]
    [InlineData("""{"metadata":{"generation":2},"spec":{"replicas":3},"status":{"observedGeneration":2,"availableReplicas":1,"conditions":[{"type":"Progressing","status":"False","reason":"ProgressDeadlineExceeded"}]}}""", "Degraded")]
    [InlineData("""{"metadata":{"generation":2},"spec":{"replicas":1},"status":{"observedGeneration":2,"conditions":[{"type":"ReplicaFailure","status":"True"}]}}""", "Degraded")]
    [InlineData(null, "")]
    public void Appliance_status(string? deployment, string expected) =>
        Assert.Equal(expected, Payload(Appliance, "media/jellyfin/status", deployment));

    [Theory]
    [InlineData("""{"spec":{"replicas":3}}""", "ON")]
    [InlineData("""{"spec":{"replicas":0}}""", "OFF")]
    public void Appliance_power_and_replicas(string deployment, string power)
    {
        Assert.Equal(power, Payload(Appliance, "media/jellyfin/power", deployment));
        Assert.Equal(JsonNode.Parse(deployment)!["spec"]!["replicas"]!.ToJsonString(), Payload(Appliance, "media/jellyfin/replicas", deployment));
    }

    [Fact]
    public void Appliance_commands_map_as_home_assistant_sends_them()
    {
        var binding = Appliance.Bindings[0];
        var power = binding.Patches.Single(p => p.Config.Topic == "media/jellyfin/power/set");
        Assert.True(power.Config.Restore);
        Assert.Equal("1", power.Values.Map(MapValue.Payload("ON")).Output!.ToJsonString());
        Assert.Equal("5", binding.Patches.Single(p => p.Config.Topic == "media/jellyfin/replicas/set").Values.Map(MapValue.Payload("5")).Output!.ToJsonString());
        Assert.Equal("\"restart\"", binding.Actions.Single().Values.Map(MapValue.Payload("PRESS")).Output!.ToJsonString());
    }

    /// <summary>The cronjob preset's last-result is the outcome of the newest Job the CronJob owns (the watch reads that Job).</summary>
    [Theory]
    [InlineData("""{"status":{}}""", "Running")] // just created (run pressed): no pod yet
    [InlineData("""{"status":{"active":1,"ready":0}}""", "Running")]
    [InlineData("""{"status":{"active":1,"failed":2}}""", "Running")] // retrying within its back-off limit
    [InlineData("""{"status":{"succeeded":1,"conditions":[{"type":"SuccessCriteriaMet","status":"True"}]}}""", "Succeeded")]
    [InlineData("""{"status":{"succeeded":1,"conditions":[{"type":"SuccessCriteriaMet","status":"True"},{"type":"Complete","status":"True"}]}}""", "Succeeded")]
    [InlineData("""{"status":{"succeeded":1}}""", "Succeeded")] // done, the condition not written yet
    [InlineData("""{"status":{"failed":7,"conditions":[{"type":"FailureTarget","status":"True","reason":"BackoffLimitExceeded"}]}}""", "Failed")]
    [InlineData("""{"status":{"failed":7,"conditions":[{"type":"Failed","status":"True","reason":"BackoffLimitExceeded"}]}}""", "Failed")]
    [InlineData("""{"status":{"active":1,"conditions":[{"type":"Failed","status":"False"}]}}""", "Running")]
    [InlineData(null, "")] // the CronJob owns no Job
    public void CronJob_last_result(string? newestJob, string expected)
    {
        var plan = Plan("  - {namespace: media, resource: CronJob, name: backup, preset: cronjob}\n");
        Assert.Equal("Job", plan.Bindings[0].Watches.Single(w => w.Config.Topic == "media/backup/last-result").Config.Owned);
        Assert.Equal(expected, Payload(plan, "media/backup/last-result", newestJob));
    }

    [Theory]
    [InlineData("""{"status":{"active":1}}""", "Running")]
    [InlineData("""{"status":{"succeeded":1,"conditions":[{"type":"Complete","status":"True"}]}}""", "Succeeded")]
    [InlineData("""{"status":{"failed":6,"conditions":[{"type":"Failed","status":"True"}]}}""", "Failed")]
    [InlineData("""{"status":{}}""", "Pending")]
    public void Job_status(string job, string expected) =>
        Assert.Equal(expected, Payload(Plan("  - {namespace: media, resource: Job, name: scan, preset: job}\n"), "media/scan/status", job));

    [Theory]
    [InlineData("""{"status":{"numberReady":2,"desiredNumberScheduled":3}}""", "2/3")]
    [InlineData("""{"status":{"desiredNumberScheduled":1}}""", "0/1")]
    public void Daemon_status_is_ready_over_desired(string daemonSet, string expected) =>
        Assert.Equal(expected, Payload(Plan("  - {namespace: kube-system, resource: DaemonSet, name: proxy, preset: daemon}\n"), "kube-system/proxy/status", daemonSet));

    [Theory]
    [InlineData("""{"spec":{},"status":{"conditions":[{"type":"Ready","status":"True"}]}}""", "ON", "ON")]
    [InlineData("""{"spec":{"unschedulable":true},"status":{"conditions":[{"type":"Ready","status":"Unknown"}]}}""", "OFF", "OFF")]
    public void Node_schedulable_and_ready(string node, string schedulable, string ready)
    {
        var plan = Plan("  - {resource: Node, name: worker-1, preset: node}\n");
        Assert.Equal(schedulable, Payload(plan, "worker-1/schedulable", node));
        Assert.Equal(ready, Payload(plan, "worker-1/ready", node));
    }
}
