namespace MqttKube.Tests.Cli;

/// <summary><c>check</c>, <c>rbac</c> and <c>dry-run</c> on selector bindings (SPEC 12).</summary>
public sealed class SelectorCliTests : IDisposable
{
    private const string Config = """
        bindings:
          - namespace: media
            resource: Deployment
            selector: mqtt-kube/expose=true
            watch:
              - locus: $.spec.replicas
                topic: "{namespace}/{name}/replicas"
            patch:
              - topic: "{namespace}/{name}/replicas/set"
                locus: $.spec.replicas
                values: {transform: int}
          - namespace: "*"
            resource: StatefulSet
            name: "db-*"
            patch:
              locus: $.spec.replicas
              topic: "all/{namespace}/{name}/set"
        """;

    private readonly string dir = Directory.CreateTempSubdirectory("mqtt-kube-selector-").FullName;

    public void Dispose() => Directory.Delete(dir, recursive: true);

    [Fact]
    public async Task Check_prints_the_plan_with_selectors_globs_and_the_filters_placeholders_subscribe()
    {
        var (exit, stdout, stderr) = await Support.Cli.RunAsync("check", "--plan", Write());
        Assert.True(exit == 0, stderr);
        Assert.Contains("bindings[0]: Deployment media/* (mqtt-kube/expose=true): selector mqtt-kube/expose=true: every object that matches", stdout, StringComparison.Ordinal);
        Assert.Contains("watch $.spec.replicas -> {namespace}/{name}/replicas", stdout, StringComparison.Ordinal);
        Assert.Contains("patch {namespace}/{name}/replicas/set (subscribes +/+/replicas/set) -> $.spec.replicas", stdout, StringComparison.Ordinal);
        Assert.Contains("bindings[1]: StatefulSet */db-*: names db-*, every namespace", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rbac_grants_selector_bindings_without_resource_names_and_every_namespace_by_the_cluster_role()
    {
        var (exit, stdout, stderr) = await Support.Cli.RunAsync("rbac", Write());
        Assert.True(exit == 0, stderr);
        Assert.DoesNotContain("resourceNames:", stdout, StringComparison.Ordinal);
        Assert.Contains("binds objects by a label selector: its verbs are granted on every Deployment in media, without resourceNames", stdout, StringComparison.Ordinal);
        Assert.Contains("binds objects by a name glob: its verbs are granted on every StatefulSet in every namespace", stdout, StringComparison.Ordinal);
        var clusterRole = stdout[stdout.IndexOf("kind: ClusterRole\n", StringComparison.Ordinal)..];
        Assert.Contains("resources: [\"statefulsets\"]", clusterRole, StringComparison.Ordinal);
        Assert.Contains("kind: Role\nmetadata:\n  name: mqtt-kube\n  namespace: media", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Dry_run_binds_a_topic_with_placeholders_to_the_object_it_names()
    {
        var config = Write();
        var (exit, stdout, stderr) = await Support.Cli.RunAsync("dry-run", config, "media/jellyfin/replicas/set", "3");
        Assert.True(exit == 0, stderr);
        Assert.Contains("bindings[0].patch[0]: Deployment media/jellyfin, topic {namespace}/{name}/replicas/set", stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("bindings[1]", stdout, StringComparison.Ordinal);

        (exit, stdout, stderr) = await Support.Cli.RunAsync("dry-run", config, "all/db/web-1/set", "2");
        Assert.True(exit == 0, stderr);
        Assert.Contains("bindings[1].patch[0]: StatefulSet db/web-1, topic all/{namespace}/{name}/set", stdout, StringComparison.Ordinal);
        Assert.Contains("web-1 does not match the name glob db-*: the service would drop this message", stdout, StringComparison.Ordinal);
    }

    private string Write()
    {
        var path = Path.Combine(dir, "config.yaml");
        File.WriteAllText(path, Config);
        return path;
    }
}
