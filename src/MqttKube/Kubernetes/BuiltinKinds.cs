namespace MqttKube.Kubernetes;

/// <summary>
/// The stable built-in resource types every conformant API server since Kubernetes 1.23 serves at these group
/// versions, exactly as its discovery describes them (kind, plural, scope, verbs, short names; checked against a
/// real v1.26 kube-apiserver by BuiltinKindsRealServerTests). <see cref="ApiDiscovery"/> resolves these without asking
/// the server (a server without aggregated discovery costs a request per group version), and <c>rbac</c>, which
/// runs without a cluster, uses them in its place. Order is discovery's: the core group first, so <c>Event</c> and
/// <c>ev</c> are the core group's as they are through discovery. A custom resource that reuses one of these names
/// or short names (a CRD with short name <c>deploy</c>) does not win over the built-in type, as with kubectl, which
/// prefers the built-in groups; it is reached through its group (<c>widgets.example.com</c> or an
/// <c>api-version</c>).
/// </summary>
internal static class BuiltinKinds
{
    private static readonly string[] ReadWrite = ["create", "delete", "deletecollection", "get", "list", "patch", "update", "watch"];

    public static readonly IReadOnlyList<ResourceType> All =
    [
        Core("ConfigMap", "configmaps", true, "cm"),
        Core("Endpoints", "endpoints", true, "ep"),
        Core("Event", "events", true, "ev"),
        Core("LimitRange", "limitranges", true, "limits"),
        new(string.Empty, "v1", "Namespace", "namespaces", false, ["create", "delete", "get", "list", "patch", "update", "watch"], ["ns"]),
        Core("Node", "nodes", false, "no"),
        Core("PersistentVolumeClaim", "persistentvolumeclaims", true, "pvc"),
        Core("PersistentVolume", "persistentvolumes", false, "pv"),
        Core("Pod", "pods", true, "po"),
        Core("PodTemplate", "podtemplates", true),
        Core("ReplicationController", "replicationcontrollers", true, "rc"),
        Core("ResourceQuota", "resourcequotas", true, "quota"),
        Core("Secret", "secrets", true),
        Core("ServiceAccount", "serviceaccounts", true, "sa"),
        Core("Service", "services", true, "svc"),
        Type("apiregistration.k8s.io", "APIService", "apiservices", false),
        Type("apps", "ControllerRevision", "controllerrevisions", true),
        Type("apps", "DaemonSet", "daemonsets", true, "ds"),
        Type("apps", "Deployment", "deployments", true, "deploy"),
        Type("apps", "ReplicaSet", "replicasets", true, "rs"),
        Type("apps", "StatefulSet", "statefulsets", true, "sts"),
        Type("events.k8s.io", "Event", "events", true, "ev"),
        Type("autoscaling", "HorizontalPodAutoscaler", "horizontalpodautoscalers", true, "hpa", version: "v2"),
        Type("batch", "CronJob", "cronjobs", true, "cj"),
        Type("batch", "Job", "jobs", true),
        Type("certificates.k8s.io", "CertificateSigningRequest", "certificatesigningrequests", false, "csr"),
        Type("networking.k8s.io", "IngressClass", "ingressclasses", false),
        Type("networking.k8s.io", "Ingress", "ingresses", true, "ing"),
        Type("networking.k8s.io", "NetworkPolicy", "networkpolicies", true, "netpol"),
        Type("policy", "PodDisruptionBudget", "poddisruptionbudgets", true, "pdb"),
        Type("rbac.authorization.k8s.io", "ClusterRoleBinding", "clusterrolebindings", false),
        Type("rbac.authorization.k8s.io", "ClusterRole", "clusterroles", false),
        Type("rbac.authorization.k8s.io", "RoleBinding", "rolebindings", true),
        Type("rbac.authorization.k8s.io", "Role", "roles", true),
        Type("storage.k8s.io", "CSIDriver", "csidrivers", false),
        Type("storage.k8s.io", "CSINode", "csinodes", false),
        Type("storage.k8s.io", "StorageClass", "storageclasses", false, "sc"),
        Type("storage.k8s.io", "VolumeAttachment", "volumeattachments", false),
        Type("admissionregistration.k8s.io", "MutatingWebhookConfiguration", "mutatingwebhookconfigurations", false),
        Type("admissionregistration.k8s.io", "ValidatingWebhookConfiguration", "validatingwebhookconfigurations", false),
        Type("apiextensions.k8s.io", "CustomResourceDefinition", "customresourcedefinitions", false, "crd", "crds"),
        Type("scheduling.k8s.io", "PriorityClass", "priorityclasses", false, "pc"),
        Type("coordination.k8s.io", "Lease", "leases", true),
        Type("node.k8s.io", "RuntimeClass", "runtimeclasses", false),
        Type("discovery.k8s.io", "EndpointSlice", "endpointslices", true),
    ];

    private static ResourceType Core(string kind, string plural, bool namespaced, params string[] shortNames) =>
        new(string.Empty, "v1", kind, plural, namespaced, ReadWrite, shortNames);

    private static ResourceType Type(string group, string kind, string plural, bool namespaced, string? shortName = null, string? secondShortName = null, string version = "v1") =>
        new(group, version, kind, plural, namespaced, ReadWrite, shortName is null ? [] : secondShortName is null ? [shortName] : [shortName, secondShortName]);
}
