namespace MqttKube.FakeKube;

/// <summary>
/// What the real API server knows of the built-in kinds' fields, as far as the fake checks them: the fields each kind
/// decodes (others are dropped with a warning, as typed decoding drops them), the typed fields a wrong JSON type fails
/// to decode into, value rules and immutable fields. Custom resources keep every field (x-kubernetes-preserve-unknown-fields).
/// </summary>
internal static partial class FakeSchema
{
    private static readonly string[] Meta =
    [
        "name", "generateName", "namespace", "selfLink", "uid", "resourceVersion", "generation", "creationTimestamp",
        "deletionTimestamp", "deletionGracePeriodSeconds", "labels", "annotations", "ownerReferences", "finalizers", "managedFields",
    ];

    /// <summary>Top-level and spec fields per "group/Kind"; a null spec list: spec is not checked (too many fields).</summary>
    private static readonly Dictionary<string, (string[] Top, string[]? Spec, string GoSpec)> Kinds = new(StringComparer.Ordinal)
    {
        ["/Pod"] = (["spec", "status"], null, "PodSpec"),
        ["/Service"] = (["spec", "status"], null, "ServiceSpec"),
        ["/ConfigMap"] = (["data", "binaryData", "immutable"], [], ""),
        ["/Secret"] = (["data", "stringData", "type", "immutable"], [], ""),
        ["/Namespace"] = (["spec", "status"], ["finalizers"], "NamespaceSpec"),
        ["/Node"] = (["spec", "status"], ["podCIDR", "podCIDRs", "providerID", "unschedulable", "taints", "configSource", "externalID"], "NodeSpec"),
        ["apps/Deployment"] = (["spec", "status"],
            ["replicas", "selector", "template", "strategy", "minReadySeconds", "revisionHistoryLimit", "paused", "progressDeadlineSeconds"], "DeploymentSpec"),
        ["apps/StatefulSet"] = (["spec", "status"],
            ["replicas", "selector", "template", "volumeClaimTemplates", "serviceName", "podManagementPolicy", "updateStrategy",
             "revisionHistoryLimit", "minReadySeconds", "persistentVolumeClaimRetentionPolicy", "ordinals"], "StatefulSetSpec"),
        ["apps/DaemonSet"] = (["spec", "status"], ["selector", "template", "updateStrategy", "minReadySeconds", "revisionHistoryLimit"], "DaemonSetSpec"),
        ["apps/ReplicaSet"] = (["spec", "status"], ["replicas", "minReadySeconds", "selector", "template"], "ReplicaSetSpec"),
        ["batch/Job"] = (["spec", "status"],
            ["parallelism", "completions", "activeDeadlineSeconds", "podFailurePolicy", "backoffLimit", "selector", "manualSelector",
             "template", "ttlSecondsAfterFinished", "completionMode", "suspend"], "JobSpec"),
        ["batch/CronJob"] = (["spec", "status"],
            ["schedule", "timeZone", "startingDeadlineSeconds", "concurrencyPolicy", "suspend", "jobTemplate",
             "successfulJobsHistoryLimit", "failedJobsHistoryLimit"], "CronJobSpec"),
    };

    /// <summary>Spec fields that decode only from a JSON integer (int32, at least 0) or a boolean, per "group/Kind".</summary>
    private static readonly Dictionary<string, (string[] Counts, string[] Flags)> Typed = new(StringComparer.Ordinal)
    {
        ["/Node"] = ([], ["unschedulable"]),
        ["apps/Deployment"] = (["replicas", "minReadySeconds", "revisionHistoryLimit", "progressDeadlineSeconds"], ["paused"]),
        ["apps/StatefulSet"] = (["replicas", "minReadySeconds", "revisionHistoryLimit"], []),
        ["apps/DaemonSet"] = (["minReadySeconds", "revisionHistoryLimit"], []),
        ["apps/ReplicaSet"] = (["replicas", "minReadySeconds"], []),
        ["batch/Job"] = (["parallelism", "completions", "backoffLimit"], ["suspend", "manualSelector"]),
        ["batch/CronJob"] = (["successfulJobsHistoryLimit", "failedJobsHistoryLimit"], ["suspend"]),
    };

    /// <summary>Spec fields no update may change (422 "field is immutable"), per "group/Kind"; StatefulSets allow only some.</summary>
    private static readonly Dictionary<string, string[]> Immutable = new(StringComparer.Ordinal)
    {
        ["apps/Deployment"] = ["selector"],
        ["apps/DaemonSet"] = ["selector"],
        ["apps/ReplicaSet"] = ["selector"],
        ["batch/Job"] = ["selector", "template", "completions", "completionMode"],
    };

    private static readonly string[] StatefulSetMutable = ["replicas", "ordinals", "template", "updateStrategy", "persistentVolumeClaimRetentionPolicy", "minReadySeconds"];

    private static string Key(FakeResource r) => $"{r.Group}/{r.Kind}";
}
