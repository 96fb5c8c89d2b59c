namespace MqttKube.Bindings;

/// <summary>What became of a config reload (the <c>outcome</c> label of <c>mqtt_kube_config_reloads_total</c>).</summary>
internal enum ReloadOutcome
{
    /// <summary>The config changed and the change was applied (a new generation).</summary>
    Applied,

    /// <summary>The config was read again and nothing that runs changed.</summary>
    Unchanged,

    /// <summary>The config has errors: they were logged and the running config kept.</summary>
    Invalid,
}
