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

    /// <summary>The preset's associations as YAML, every topic under <paramref name="topicBase"/> (quoted).</summary>
    public static string Of(Preset preset, string topicBase) =>
        PresetTopic().Replace(Text(preset), m => "topic: \"" + Quoted(topicBase) + "/" + m.Groups[1].Value + "\"");

    private static string Text(Preset preset) => preset switch
    {
        Preset.Appliance => Appliance,
        Preset.Daemon => Daemon,
        Preset.CronJob => CronJob,
        Preset.Job => Job,
        _ => Node,
    };

    /// <summary>A topic base inside a double-quoted YAML scalar: <c>{name}</c> placeholders would start a flow mapping bare.</summary>
    private static string Quoted(string text) => text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal);

    [System.Text.RegularExpressions.GeneratedRegex(@"topic: B/(\S+)")]
    private static partial System.Text.RegularExpressions.Regex PresetTopic();
}
