namespace MqttKube.Configuration.Presets;

/// <summary>
/// The associations of each preset as YAML (README "Home Assistant" shows the same text): <c>B</c> is the topic base,
/// <c>&lt;namespace&gt;/&lt;name&gt;</c>. Switches take <c>ON</c>/<c>OFF</c>, buttons <c>PRESS</c>, numbers the number.
/// </summary>
internal static partial class PresetText
{
    public static string Name(Preset preset) => preset switch
    {
        Preset.Appliance => "appliance",
        Preset.Daemon => "daemon",
        Preset.CronJob => "cronjob",
        Preset.Job => "job",
        Preset.Node => "node",
        _ => "none",
    };

    public static string Kinds(Preset preset) => preset switch
    {
        Preset.Appliance => "Deployment, StatefulSet and ReplicaSet",
        Preset.Daemon => "DaemonSet",
        Preset.CronJob => "CronJob",
        Preset.Job => "Job",
        _ => "Node",
    };

    /// <summary>Whether <paramref name="resource"/> (a kind, plural or short name, any case) is a kind the preset is for.</summary>
    public static bool Fits(Preset preset, string resource) => (preset switch
    {
        Preset.Appliance => ["deployment", "deployments", "deploy", "statefulset", "statefulsets", "sts", "replicaset", "replicasets", "rs"],
        Preset.Daemon => ["daemonset", "daemonsets", "ds"],
        Preset.CronJob => ["cronjob", "cronjobs", "cj"],
        Preset.Job => ["job", "jobs"],
        Preset.Node => ["node", "nodes", "no"],
        _ => (string[])[],
    }).Contains(resource.ToLowerInvariant());

    public static string Of(Preset preset, string topicBase) => (preset switch
    {
        Preset.Appliance => Appliance,
        Preset.Daemon => Daemon,
        Preset.CronJob => CronJob,
        Preset.Job => Job,
        _ => Node,
    }).Replace("B/", topicBase + "/", StringComparison.Ordinal);
}
