using MqttKube.Bindings;
using MqttKube.Bindings.Plan;
using MqttKube.Bindings.Reload;
using MqttKube.Kubernetes;
using MqttKube.Mqtt;

namespace MqttKube.Hosting;

/// <summary>A read-only view of the running service: liveness, readiness and what the status page shows.</summary>
internal sealed partial class ServiceStatus(BindingPlan plan, MqttConnection mqtt, BindingRuntime runtime, SharedInformers informers, ApiServer? apiServer = null)
{
    public DateTimeOffset StartedAt { get; private set; } = DateTimeOffset.UtcNow;

    /// <summary>The config that runs now (the reloaded one after a reload).</summary>
    public BindingPlan Plan => Reloader?.Plan ?? plan;

    public MqttConnection Mqtt { get; } = mqtt;

    public BindingRuntime Runtime { get; } = runtime;

    public SharedInformers Informers { get; } = informers;

    /// <summary>Leader election (null when off).</summary>
    public Leadership? Leadership { get; init; }

    public ApiServer? ApiServer { get; } = apiServer;

    /// <summary>The hot reload, once it runs: the config generation and the last reload.</summary>
    public ConfigReloader? Reloader { get; set; }

    public void Started() => StartedAt = DateTimeOffset.UtcNow;

    /// <summary>Why the service is not ready (empty when it is): what <c>/readyz</c> answers.</summary>
    public IReadOnlyList<string> NotReady() => Http.Probes.ReadinessReasons(this);

    /// <summary>The service's own loops that died (liveness); a broker or API outage is not one.</summary>
    public IReadOnlyList<string> Dead() => [.. Runtime.DeadLoops()];
}
