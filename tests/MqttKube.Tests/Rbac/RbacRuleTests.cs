using MqttKube.Rbac;

namespace MqttKube.Tests.Rbac;

/// <summary>Which verbs each association gets, how bindings on one resource merge, and where rules go.</summary>
public sealed class RbacRuleTests : IDisposable
{
    private const string Watch = "watch: {locus: \"$.status.x\", topic: \"{namespace}/{name}/w\"}";
    private const string Patch = "patch: {locus: \"$.spec.replicas\", topic: p}";
    private readonly string dir = Directory.CreateTempSubdirectory("mqtt-kube-rbac-").FullName;

    public void Dispose() => Directory.Delete(dir, recursive: true);

    [Fact]
    public async Task Watch_needs_list_and_watch_on_the_type_and_get_on_the_object()
    {
        var rbac = await RbacAsync(Binding("media", "Deployment", "jellyfin", Watch));

        Assert.Equal(["apps/deployments: list,watch", "apps/deployments[jellyfin]: get"], rbac.Rules("media"));
    }

    [Fact]
    public async Task An_owned_watch_needs_list_and_watch_on_the_owned_kind_too()
    {
        var rbac = await RbacAsync(Binding("batch-ns", "CronJob", "nightly", "watch: {locus: \"$.status\", topic: w, owned: jobs}"));

        Assert.Equal(["batch/cronjobs: list,watch", "batch/cronjobs[nightly]: get", "batch/jobs: list,watch"], rbac.Rules("batch-ns"));
    }

    [Fact]
    public async Task The_cronjob_preset_reads_its_jobs_and_runs_them()
    {
        var rbac = await RbacAsync(Binding("batch-ns", "CronJob", "nightly", "preset: cronjob"));

        Assert.Equal(["batch/cronjobs: list,watch", "batch/cronjobs[nightly]: get,patch", "batch/jobs: create,get,list,watch"], rbac.Rules("batch-ns"));
    }

    [Fact]
    public async Task Patch_needs_get_and_patch_on_the_object_only()
    {
        var rbac = await RbacAsync(Binding("media", "StatefulSet", "db", Patch));

        Assert.Equal(["apps/statefulsets[db]: get,patch"], rbac.Rules("media"));
    }

    [Fact]
    public async Task Bindings_on_one_resource_merge_and_names_with_the_same_verbs_share_a_rule()
    {
        var rbac = await RbacAsync(
            Binding("media", "Deployment", "plex", Watch),
            Binding("media", "deploy", "jellyfin", Watch, Patch),
            Binding("media", "deployments", "emby", Watch),
            Binding("media", "DEPLOYMENT", "arr", Watch));

        Assert.Equal(
            ["apps/deployments: list,watch", "apps/deployments[arr,emby,plex]: get", "apps/deployments[jellyfin]: get,patch"],
            rbac.Rules("media"));
    }

    [Fact]
    public async Task A_verb_granted_on_the_type_is_not_repeated_per_name()
    {
        var rbac = await RbacAsync(
            Binding("batch-ns", "Job", "nightly", Watch),
            Binding("batch-ns", "jobs", "backup", Action(launch: true, map: null)));

        Assert.Equal(["batch/jobs: create,delete,get,list,watch"], rbac.Rules("batch-ns"));
    }

    [Fact]
    public async Task Each_namespace_gets_its_own_role_and_binding_in_sorted_order()
    {
        var rbac = await RbacAsync(
            Binding("zeta", "cm", "settings", Watch),
            Binding("alpha", "svc", "web", Watch));

        Assert.Equal(
            ["ServiceAccount iot/mqtt-kube", "Role alpha/mqtt-kube", "RoleBinding alpha/mqtt-kube", "Role zeta/mqtt-kube", "RoleBinding zeta/mqtt-kube"],
            rbac.Summary);
        Assert.Equal(["/services: list,watch", "/services[web]: get"], rbac.Rules("alpha"));
        Assert.Equal(["/configmaps: list,watch", "/configmaps[settings]: get"], rbac.Rules("zeta"));
    }

    [Fact]
    public async Task Action_with_a_template_may_create_get_list_and_delete_any_object_of_the_type()
    {
        var rbac = await RbacAsync(Binding("default", "Job", "example", Action(launch: true, map: "\"RUN\": launch\n          \"STOP\": delete")));

        Assert.Equal(["batch/jobs: create,delete,get,list"], rbac.Rules("default"));
    }

    [Fact]
    public async Task Action_without_a_template_cannot_create()
    {
        var rbac = await RbacAsync(Binding("default", "Job", "example", Action(launch: false, map: "\"STOP\": delete")));

        Assert.Equal(["batch/jobs: delete,list"], rbac.Rules("default"));
    }

    [Theory]
    [InlineData("\"GO\": restart", true, false)]
    [InlineData("\"GO\": \"Restart\"", true, false)]
    [InlineData("\"re:(.*)\": \"{value}\"", true, true)] // a format output can pass the payload through
    [InlineData(null, true, true)] // no map: the payload names the action
    [InlineData("\"GO\": launch\n          \"STOP\": delete", false, true)]
    [InlineData("\"GO\": \"{{restart}}\"", false, false)] // escaped braces: a constant that is not 'restart'
    public async Task Restart_adds_get_and_patch_on_the_object_only_when_the_values_can_yield_it(string? map, bool restart, bool delete)
    {
        var rbac = await RbacAsync(Binding("media", "Deployment", "jellyfin", Action(launch: true, map)));

        // list and delete only when the values can name delete, too.
        var type = delete ? "apps/deployments: create,delete,get,list" : "apps/deployments: create,get";
        string[] expected = restart ? [type, "apps/deployments[jellyfin]: patch"] : [type];
        Assert.Equal(expected, rbac.Rules("media"));
    }

    [Fact]
    public async Task Restart_needs_no_patch_on_kinds_that_cannot_be_restarted()
    {
        var rbac = await RbacAsync(Binding("default", "Job", "example", Action(launch: true, map: null)));

        Assert.Equal(["batch/jobs: create,delete,get,list"], rbac.Rules("default"));
    }

    [Fact]
    public async Task Cluster_scoped_kinds_get_a_cluster_role_and_nothing_else()
    {
        var rbac = await RbacAsync(
            Binding(null, "Node", "worker-1", Watch, Patch),
            Binding(null, "pv", "data", Watch),
            Binding("ignored", "ns", "media", Watch));

        Assert.Equal(["ServiceAccount iot/mqtt-kube", "ClusterRole -/mqtt-kube:iot", "ClusterRoleBinding -/mqtt-kube:iot"], rbac.Summary);
        Assert.Equal(
            ["/namespaces: list,watch", "/namespaces[media]: get", "/nodes: list,watch", "/nodes[worker-1]: get,patch", "/persistentvolumes: list,watch", "/persistentvolumes[data]: get"],
            rbac.Rules(null));
        Assert.Contains("# NOTE: Namespace is cluster-scoped: the namespace 'ignored'", rbac.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Role_and_cluster_role_appear_together_when_both_are_needed()
    {
        var rbac = await RbacAsync(Binding("media", "Deployment", "jellyfin", Watch), Binding(null, "Node", "worker-1", Watch));

        Assert.Equal(
            ["ServiceAccount iot/mqtt-kube", "Role media/mqtt-kube", "RoleBinding media/mqtt-kube", "ClusterRole -/mqtt-kube:iot", "ClusterRoleBinding -/mqtt-kube:iot"],
            rbac.Summary);
        var clusterBinding = rbac.Documents.Documents[^1];
        Assert.Equal("mqtt-kube:iot", ((YamlDotNet.RepresentationModel.YamlScalarNode)clusterBinding["roleRef"]["name"]).Value);
    }

    [Fact]
    public async Task A_namespaced_kind_without_namespace_is_granted_cluster_wide_with_a_note()
    {
        var rbac = await RbacAsync(Binding(null, "Deployment", "jellyfin", Watch));

        Assert.Equal(["apps/deployments: list,watch", "apps/deployments[jellyfin]: get"], rbac.Rules(null));
        Assert.Contains("# NOTE: binding Deployment jellyfin names no namespace", rbac.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Custom_resource_uses_the_api_version_group_and_a_guessed_plural_with_a_note()
    {
        var rbac = await RbacAsync(
            Binding("iot", "Gateway", "door", Watch, "api-version: gateway.example.io/v1beta1"),
            Binding(null, "ClusterPolicy", "strict", Watch, "api-version: policy.example.io/v1"));

        Assert.Equal(["gateway.example.io/gateways: list,watch", "gateway.example.io/gateways[door]: get"], rbac.Rules("iot"));
        Assert.Equal(["policy.example.io/clusterpolicies: list,watch", "policy.example.io/clusterpolicies[strict]: get"], rbac.Rules(null));
        Assert.Contains("# NOTE: 'Gateway' is not a built-in kind; its plural was guessed as 'gateways'", rbac.Text, StringComparison.Ordinal);
        Assert.Contains("# NOTE: 'ClusterPolicy' is not a built-in kind; its plural was guessed as 'clusterpolicies'", rbac.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_api_version_picks_the_group_of_a_built_in_kind_whatever_the_version()
    {
        var rbac = await RbacAsync(
            Binding("web", "Ingress", "site", Watch, "api-version: networking.k8s.io/v1beta1"),
            Binding("web", "hpa", "site", Watch.Replace("/w", "/hpa", StringComparison.Ordinal)), // one name, another kind: a topic of its own
            Binding("web", "cj", "nightly", Watch),
            Binding("web", "pdb", "site", Watch.Replace("/w", "/pdb", StringComparison.Ordinal)));

        Assert.Equal(
            [
                "autoscaling/horizontalpodautoscalers: list,watch", "autoscaling/horizontalpodautoscalers[site]: get",
                "batch/cronjobs: list,watch", "batch/cronjobs[nightly]: get",
                "networking.k8s.io/ingresses: list,watch", "networking.k8s.io/ingresses[site]: get",
                "policy/poddisruptionbudgets: list,watch", "policy/poddisruptionbudgets[site]: get",
            ],
            rbac.Rules("web"));
        Assert.DoesNotContain("# NOTE:", rbac.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Output_does_not_depend_on_the_order_of_the_bindings()
    {
        string[] bindings =
        [
            Binding("media", "Deployment", "plex", Watch),
            Binding("media", "Deployment", "jellyfin", Watch, Patch),
            Binding(null, "Node", "n1", Watch),
            Binding("default", "Job", "example", Action(launch: true, map: null)),
        ];

        var forward = await RbacAsync(bindings);
        var backward = await RbacAsync([.. bindings.Reverse()]);

        Assert.Equal(forward.Text, backward.Text);
    }

    [Theory]
    [InlineData("Widget", "widgets")]
    [InlineData("Policy", "policies")]
    [InlineData("Gateway", "gateways")]
    [InlineData("Box", "boxes")]
    [InlineData("Match", "matches")]
    [InlineData("Mesh", "meshes")]
    [InlineData("Class", "classes")]
    [InlineData("VirtualService", "virtualservices")]
    public void Plurals_are_guessed_as_english_does(string kind, string plural) =>
        Assert.Equal(plural, RbacResourceResolver.GuessPlural(kind));

    private static string Binding(string? ns, string resource, string name, params string[] associations) =>
        "  - " + (ns is null ? "" : $"namespace: {ns}\n    ")
        + $"resource: {resource}\n    name: {name}\n"
        + string.Concat(associations.Select(a => $"    {a}\n"));

    private string Action(bool launch, string? map)
    {
        var template = Path.Combine(dir, "template.yaml");
        File.WriteAllText(template, "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: x\n");
        return "action:\n      topic: cmd\n"
            + (launch ? "      launch: !relpath template.yaml\n" : "")
            + (map is null ? "" : $"      values:\n        map:\n          {map}\n");
    }

    private async Task<Output> RbacAsync(params string[] bindings)
    {
        var path = Path.Combine(dir, $"config-{Guid.NewGuid():N}.yaml");
        await File.WriteAllTextAsync(path, "bindings:\n" + string.Concat(bindings));
        var (exit, stdout, stderr) = await Support.Cli.RunAsync("rbac", "--namespace", "iot", path);
        Assert.True(exit == 0, stderr);
        Assert.DoesNotContain("\"*\"", stdout, StringComparison.Ordinal);
        return new Output(stdout, RbacDocuments.Parse(stdout));
    }

    private sealed record Output(string Text, RbacDocuments Documents)
    {
        public IReadOnlyList<string> Summary => Documents.Summary;

        public IReadOnlyList<string> Rules(string? ns) => Documents.Rules(ns);

        public YamlDotNet.RepresentationModel.YamlMappingNode this[int index] => Documents.Documents[index];
    }
}
