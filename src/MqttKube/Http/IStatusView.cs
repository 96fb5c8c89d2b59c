namespace MqttKube.Http;

/// <summary>
/// What the HTTP server may know of the running service: a read-only view, read on every request (health, readiness,
/// metrics gauges, status page). Implementations must be thread-safe and cheap; they are read from request threads.
/// </summary>
internal interface IStatusView
{
    /// <summary>When the service started (uptime, <c>process_start_time_seconds</c>).</summary>
    DateTimeOffset StartedAt { get; }

    /// <summary>The product version (status page, <c>mqtt_kube_build_info</c>).</summary>
    string Version { get; }

    /// <summary>The MQTT connection: readiness, the <c>mqtt_kube_mqtt_connected</c> gauge, the status page.</summary>
    MqttStatus Mqtt { get; }

    /// <summary>The service's own loops; liveness is "every loop alive" (an outage of the broker or API is not a failure).</summary>
    IReadOnlyList<LoopStatus> Loops { get; }

    /// <summary>Every binding of the configuration, in configuration order, with the objects each bound.</summary>
    IReadOnlyList<BindingStatus> Bindings { get; }

    /// <summary>The API server and its list+watches.</summary>
    KubeStatus Kubernetes { get; }

    /// <summary>The config that runs (its generation) and the last reload; null when the service does not reload.</summary>
    Bindings.Reload.ReloadStatus? Config { get; }

    /// <summary>Leader election (null when it is off: the one replica always acts).</summary>
    LeaderStatus? Leader => null;
}
