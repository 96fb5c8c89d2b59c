using MqttKube.Bindings;
using MqttKube.Bindings.Plan;
using MqttKube.Kubernetes;
using MqttKube.Mqtt;

namespace MqttKube.Hosting;

/// <summary>A read-only view of the running service: liveness, readiness and what the status page shows.</summary>
internal sealed partial class ServiceStatus(BindingPlan plan, MqttConnection mqtt, MqttOptions options, BindingRuntime runtime, SharedInformers informers)
{
    public DateTimeOffset StartedAt { get; private set; } = DateTimeOffset.UtcNow;

    public BindingPlan Plan { get; } = plan;

    public MqttConnection Mqtt { get; } = mqtt;

    public MqttOptions Options { get; } = options;

    public BindingRuntime Runtime { get; } = runtime;

    public SharedInformers Informers { get; } = informers;

    public void Started() => StartedAt = DateTimeOffset.UtcNow;

    /// <summary>Why the service is not ready (empty when it is): MQTT connected, every binding running, every watch synced.</summary>
    public IReadOnlyList<string> NotReady()
    {
        var reasons = new List<string>();
        if (!Mqtt.IsConnected)
        {
            reasons.Add($"mqtt: not connected to {Options.Host}:{Options.EffectivePort}");
        }

        foreach (var binding in Runtime.Bindings)
        {
            if (binding.Waiting is { } waiting)
            {
                reasons.Add($"{binding.Plan.Path} {binding.Plan.Target}: {waiting}");
                continue;
            }

            foreach (var watch in binding.Watches)
            {
                if (!watch.State.Snapshot().Synced)
                {
                    var error = binding.Subscriptions.Select(s => s.LastError).FirstOrDefault(e => e is not null);
                    reasons.Add($"{binding.Plan.Path} watch {watch.State.Topic}: not synced{(error is null ? string.Empty : $" ({error})")}");
                }
            }
        }

        return reasons;
    }

    /// <summary>The service's own loops that died (liveness); a broker or API outage is not one.</summary>
    public IReadOnlyList<string> Dead() => [.. Runtime.DeadLoops()];
}
