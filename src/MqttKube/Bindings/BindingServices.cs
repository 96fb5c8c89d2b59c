using Microsoft.Extensions.Logging;
using MqttKube.Kubernetes;
using MqttKube.Mqtt;

namespace MqttKube.Bindings;

/// <summary>The two ports the bindings talk through (MQTT; Kubernetes read/write/watch), and what they report to.</summary>
internal sealed record BindingServices(
    IMqttPort Mqtt,
    IResourceResolver Resolver,
    IObjectWatcher Watcher,
    IObjectClient Objects,
    ILoggerFactory Logs,
    IBindingMetrics Metrics,
    string DefaultNamespace,
    TimeProvider Time)
{
    /// <summary>Back-off of a binding that cannot start (unknown kind, forbidden): 1 s doubling to 60 s.</summary>
    public TimeSpan RetryMin { get; init; } = TimeSpan.FromSeconds(1);

    public TimeSpan RetryMax { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>How long <c>on-exists: replace</c> waits for the old object to go.</summary>
    public TimeSpan ReplaceTimeout { get; init; } = TimeSpan.FromSeconds(60);
}
