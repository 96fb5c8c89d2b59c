using MqttKube.Configuration.Schema;

namespace MqttKube.Configuration;

/// <summary>A binding's <c>preset</c> (SPEC 13): expands into ordinary associations with Home Assistant entities.</summary>
[ConfigEnum]
internal enum Preset
{
    [ConfigName("none")]
    None,

    /// <summary>Deployment, StatefulSet, ReplicaSet: power, replicas, restart, status.</summary>
    [ConfigName("appliance")]
    Appliance,

    /// <summary>DaemonSet: restart, status.</summary>
    [ConfigName("daemon")]
    Daemon,

    /// <summary>CronJob: run, suspend, last-schedule, last-result.</summary>
    [ConfigName("cronjob")]
    CronJob,

    /// <summary>Job: run, status.</summary>
    [ConfigName("job")]
    Job,

    /// <summary>Node: schedulable, ready.</summary>
    [ConfigName("node")]
    Node,
}
