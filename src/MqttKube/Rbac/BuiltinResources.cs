using MqttKube.Kubernetes;

namespace MqttKube.Rbac;

/// <summary>
/// The common built-in kinds with their plural and short names and scope, as a stock API server's discovery
/// reports them: <c>rbac</c> runs without a cluster, so this table stands in for discovery.
/// </summary>
internal static class BuiltinResources
{
    public static readonly IReadOnlyList<ResourceType> All =
    [
        Core("Pod", "pods", true, "po"),
        Core("Service", "services", true, "svc"),
        Core("ConfigMap", "configmaps", true, "cm"),
        Core("Secret", "secrets", true),
        Core("Namespace", "namespaces", false, "ns"),
        Core("Node", "nodes", false, "no"),
        Core("PersistentVolumeClaim", "persistentvolumeclaims", true, "pvc"),
        Core("PersistentVolume", "persistentvolumes", false, "pv"),
        Core("ServiceAccount", "serviceaccounts", true, "sa"),
        Core("Endpoints", "endpoints", true, "ep"),
        Core("Event", "events", true, "ev"),
        Core("LimitRange", "limitranges", true, "limits"),
        Core("ResourceQuota", "resourcequotas", true, "quota"),
        Core("ReplicationController", "replicationcontrollers", true, "rc"),
        Core("PodTemplate", "podtemplates", true),
        Type("apps", "Deployment", "deployments", true, "deploy"),
        Type("apps", "DaemonSet", "daemonsets", true, "ds"),
        Type("apps", "StatefulSet", "statefulsets", true, "sts"),
        Type("apps", "ReplicaSet", "replicasets", true, "rs"),
        Type("apps", "ControllerRevision", "controllerrevisions", true),
        Type("batch", "Job", "jobs", true),
        Type("batch", "CronJob", "cronjobs", true, "cj"),
        Type("networking.k8s.io", "Ingress", "ingresses", true, "ing"),
        Type("networking.k8s.io", "IngressClass", "ingressclasses", false),
        Type("networking.k8s.io", "NetworkPolicy", "networkpolicies", true, "netpol"),
        Type("discovery.k8s.io", "EndpointSlice", "endpointslices", true),
        Type("autoscaling", "HorizontalPodAutoscaler", "horizontalpodautoscalers", true, "hpa", version: "v2"),
        Type("policy", "PodDisruptionBudget", "poddisruptionbudgets", true, "pdb"),
        Type("rbac.authorization.k8s.io", "Role", "roles", true),
        Type("rbac.authorization.k8s.io", "RoleBinding", "rolebindings", true),
        Type("rbac.authorization.k8s.io", "ClusterRole", "clusterroles", false),
        Type("rbac.authorization.k8s.io", "ClusterRoleBinding", "clusterrolebindings", false),
        Type("storage.k8s.io", "StorageClass", "storageclasses", false, "sc"),
        Type("storage.k8s.io", "VolumeAttachment", "volumeattachments", false),
        Type("storage.k8s.io", "CSIDriver", "csidrivers", false),
        Type("coordination.k8s.io", "Lease", "leases", true),
        Type("scheduling.k8s.io", "PriorityClass", "priorityclasses", false, "pc"),
        Type("apiextensions.k8s.io", "CustomResourceDefinition", "customresourcedefinitions", false, "crd", "crds"),
        Type("admissionregistration.k8s.io", "MutatingWebhookConfiguration", "mutatingwebhookconfigurations", false),
        Type("admissionregistration.k8s.io", "ValidatingWebhookConfiguration", "validatingwebhookconfigurations", false),
        Type("certificates.k8s.io", "CertificateSigningRequest", "certificatesigningrequests", false, "csr"),
    ];

    /// <summary>
    /// Finds <paramref name="resource"/> as kubectl does: kind, then plural, singular and short names, any case;
    /// <c>deployments.apps</c> names the group too. A non-null <paramref name="group"/> (from an api-version)
    /// narrows the search to that group, whatever the version (RBAC rules do not name versions).
    /// </summary>
    public static ResourceType? Find(string resource, string? group)
    {
        var name = resource.Trim();
        if (group is null && name.IndexOf('.', StringComparison.Ordinal) is var dot and > 0
            && Find(name[..dot], name[(dot + 1)..]) is { } qualified)
        {
            return qualified;
        }

        var candidates = group is null ? All : [.. All.Where(t => string.Equals(t.Group, group, StringComparison.OrdinalIgnoreCase))];
        bool Eq(string text) => string.Equals(text, name, StringComparison.OrdinalIgnoreCase);
        return candidates.FirstOrDefault(t => Eq(t.Kind))
            ?? candidates.FirstOrDefault(t => Eq(t.Plural))
            ?? candidates.FirstOrDefault(t => t.ShortNames.Any(Eq));
    }

    private static ResourceType Core(string kind, string plural, bool namespaced, params string[] shortNames) =>
        new(string.Empty, "v1", kind, plural, namespaced, [], shortNames);

    private static ResourceType Type(string group, string kind, string plural, bool namespaced, string? shortName = null, string? secondShortName = null, string version = "v1") =>
        new(group, version, kind, plural, namespaced, [], shortName is null ? [] : secondShortName is null ? [shortName] : [shortName, secondShortName]);
}
