using MqttKube.Tests.Rbac;
using MqttKube.Tests.Support;

namespace MqttKube.Tests.Leadership;

/// <summary>The Lease permissions of leader election: what <c>rbac</c> adds, and what deploy/replicas ships.</summary>
public sealed class LeaseRbacTests : IDisposable
{
    private readonly string dir = Directory.CreateTempSubdirectory("mqtt-kube-lease-rbac-").FullName;

    public void Dispose() => Directory.Delete(dir, recursive: true);

    private async Task<RbacDocuments> RbacAsync(string leaderElection)
    {
        var config = Path.Combine(dir, "config.yaml");
        await File.WriteAllTextAsync(config, WithoutLeaderElection(await File.ReadAllTextAsync(Path.Combine(RepoPaths.Root, "deploy", "config.yaml"))) + "\n" + leaderElection + "\n");
        var (exit, stdout, stderr) = await Support.Cli.RunAsync("rbac", config, "--namespace", "iot");
        Assert.True(exit == 0, stderr);
        return RbacDocuments.Parse(stdout);
    }

    /// <summary>The deploy config without its own leader-election section (each test gives its own).</summary>
    private static string WithoutLeaderElection(string config)
    {
        var lines = config.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var start = Array.FindIndex(lines, l => l.StartsWith("leader-election:", StringComparison.Ordinal));
        if (start < 0)
        {
            return config;
        }

        var end = start + 1;
        while (end < lines.Length && (lines[end].StartsWith(' ') || lines[end].StartsWith('#')))
        {
            end++;
        }

        return string.Join('\n', lines[..start].Concat(lines[end..]));
    }

    [Fact]
    public async Task Rbac_adds_get_and_update_on_the_lease_and_create_on_leases_in_the_service_accounts_namespace()
    {
        var documents = await RbacAsync("leader-election: {}");

        Assert.Equal(["coordination.k8s.io/leases: create", "coordination.k8s.io/leases[mqtt-kube]: get,update"], documents.Rules("iot"));
        Assert.Contains("RoleBinding iot/mqtt-kube", documents.Summary);
    }

    [Fact]
    public async Task A_named_lease_in_another_namespace_is_granted_there()
    {
        var documents = await RbacAsync("leader-election: {namespace: coordination, lease: bridge}");

        Assert.Equal(["coordination.k8s.io/leases: create", "coordination.k8s.io/leases[bridge]: get,update"], documents.Rules("coordination"));
    }

    [Fact]
    public async Task Without_leader_election_no_lease_permission_is_asked()
    {
        var documents = await RbacAsync(string.Empty);

        Assert.DoesNotContain(documents.Summary, s => s.Contains("iot/", StringComparison.Ordinal) && s.StartsWith("Role ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_deploy_rbac_grants_exactly_the_lease_rules_rbac_prints_for_leader_election()
    {
        var printed = (await RbacAsync("leader-election: {}")).Rules("iot");
        var shipped = RbacDocuments.Parse(await File.ReadAllTextAsync(Path.Combine(RepoPaths.Root, "deploy", "rbac.yaml")));

        Assert.Equal(printed, shipped.Rules("iot"));
        Assert.Contains("coordination.k8s.io/leases[mqtt-kube]: get,update", shipped.Rules("iot"));
    }

    [Fact]
    public async Task The_deployment_runs_two_electing_replicas_spread_over_nodes_with_a_disruption_budget()
    {
        var root = Path.Combine(RepoPaths.Root, "deploy");
        var deployment = RbacDocuments.Parse(await File.ReadAllTextAsync(Path.Combine(root, "deployment.yaml"))).Documents[0];
        var pdb = RbacDocuments.Parse(await File.ReadAllTextAsync(Path.Combine(root, "pdb.yaml"))).Documents[0];
        var config = await File.ReadAllTextAsync(Path.Combine(root, "config.yaml"));
        var kustomization = await File.ReadAllTextAsync(Path.Combine(root, "kustomization.yaml"));

        Assert.Equal("2", deployment["spec"]["replicas"].ToString());
        Assert.Equal("RollingUpdate", deployment["spec"]["strategy"]["type"].ToString());
        Assert.Contains("\nleader-election:", config, StringComparison.Ordinal);
        var term = deployment["spec"]["template"]["spec"]["affinity"]["podAntiAffinity"]["preferredDuringSchedulingIgnoredDuringExecution"][0]["podAffinityTerm"];
        Assert.Equal("kubernetes.io/hostname", term["topologyKey"].ToString());
        Assert.Equal("1", pdb["spec"]["minAvailable"].ToString());
        Assert.Contains("pdb.yaml", kustomization, StringComparison.Ordinal);
    }
}
