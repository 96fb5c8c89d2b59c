using MqttKube.Bindings;
using MqttKube.Bindings.Plan;
using MqttKube.Kubernetes;
using MqttKube.Mqtt;

namespace MqttKube.Hosting;

/// <summary>A read-only view of the running service: liveness, readiness and what the status page shows.</summary>
internal sealed partial class ServiceStatus(BindingPlan plan, MqttConnection mqtt, BindingRuntime runtime, SharedInformers informers)
{
    public DateTimeOffset StartedAt { get; private set; } = DateTimeOffset.UtcNow;

    public BindingPlan Plan { get; } = plan;

    public MqttConnection Mqtt { get; } = mqtt;

    public BindingRuntime Runtime { get; } = runtime;

    public SharedInformers Informers { get; } = informers;

    public void Started() => StartedAt = DateTimeOffset.UtcNow;

    /// <summary>Why the service is not ready (empty when it is): what <c>/readyz</c> answers.</summary>
    public IReadOnlyList<string> NotReady() => Http.Probes.ReadinessReasons(this);

    /// <summary>The service's own loops that died (liveness); a broker or API outage is not one.</summary>
    public IReadOnlyList<string> Dead() => [.. Runtime.DeadLoops()];
}
