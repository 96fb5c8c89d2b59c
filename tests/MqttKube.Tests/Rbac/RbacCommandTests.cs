using MqttKube.Tests.Support;

namespace MqttKube.Tests.Rbac;

public sealed class RbacCommandTests : IDisposable
{
    private readonly string dir = Directory.CreateTempSubdirectory("mqtt-kube-rbac-").FullName;

    public static TheoryData<string> Examples() =>
        [.. Directory.GetFiles(Path.Combine(RepoPaths.Root, "examples"), "config-*.yaml").Select(f => Path.GetFileNameWithoutExtension(f)!).Order(StringComparer.Ordinal)];

    public void Dispose() => Directory.Delete(dir, recursive: true);

    [Theory]
    [MemberData(nameof(Examples))]
    public async Task Example_config_rbac_matches_its_snapshot(string example)
    {
        var (exit, stdout, stderr) = await Support.Cli.RunAsync("rbac", "--namespace", "iot", Path.Combine(RepoPaths.Root, "examples", example + ".yaml"));

        Assert.True(exit == 0, stderr);
        Assert.DoesNotContain("\"*\"", stdout, StringComparison.Ordinal);
        Snapshot.VerifyBeside(stdout, $"RbacCommandTests.{example}");
    }

    [Fact]
    public async Task Output_is_valid_yaml_with_the_expected_documents()
    {
        var (exit, stdout, _) = await Support.Cli.RunAsync("rbac", "--namespace", "iot", Path.Combine(RepoPaths.Root, "examples", "config-demo.yaml"));

        Assert.Equal(0, exit);
        var documents = RbacDocuments.Parse(stdout);
        Assert.Equal(
            [
                "ServiceAccount iot/mqtt-kube",
                "Role default/mqtt-kube", "RoleBinding default/mqtt-kube",
                "Role kube-system/mqtt-kube", "RoleBinding kube-system/mqtt-kube",
                "Role media/mqtt-kube", "RoleBinding media/mqtt-kube",
            ],
            documents.Summary);
        var binding = documents.Documents[2];
        Assert.Equal("Role", ((YamlDotNet.RepresentationModel.YamlScalarNode)binding["roleRef"]["kind"]).Value);
        var subject = (YamlDotNet.RepresentationModel.YamlMappingNode)((YamlDotNet.RepresentationModel.YamlSequenceNode)binding["subjects"])[0];
        Assert.Equal("iot", ((YamlDotNet.RepresentationModel.YamlScalarNode)subject["namespace"]).Value);
        Assert.Equal(
            ["apps/deployments: get,list,patch,watch", "batch/cronjobs: list,watch", "batch/cronjobs[backup]: get,patch", "batch/jobs: create,get,list,watch"],
            documents.Rules("media"));
    }

    [Fact]
    public async Task Presets_are_covered_as_the_associations_they_expand_into()
    {
        var config = Path.Combine(dir, "presets.yaml");
        await File.WriteAllTextAsync(config, """
            homeassistant: {}
            bindings:
              - {namespace: media, resource: Deployment, name: jellyfin, preset: appliance}
              - {namespace: media, resource: CronJob, name: backup, preset: cronjob}
              - {namespace: media, resource: Job, name: scan, preset: job}
              - {resource: Node, name: worker-1, preset: node}
            """);
        var (exit, stdout, stderr) = await Support.Cli.RunAsync("rbac", "--namespace", "iot", config);

        Assert.True(exit == 0, stderr);
        var documents = RbacDocuments.Parse(stdout);
        var media = documents.Rules("media");
        Assert.Contains("apps/deployments[jellyfin]: get,patch", media); // power, replicas, restart
        Assert.Contains("batch/cronjobs[backup]: get,patch", media);     // suspend, run reads it
        Assert.Contains(media, r => r.StartsWith("batch/jobs: ", StringComparison.Ordinal) && r.Contains("create", StringComparison.Ordinal) && r.Contains("get", StringComparison.Ordinal));
        Assert.Contains(documents.Rules(null), r => r.StartsWith("/nodes[worker-1]: ", StringComparison.Ordinal) && r.Contains("patch", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Namespace_defaults_to_mqtt_kube()
    {
        var (exit, stdout, _) = await Support.Cli.RunAsync("rbac", Path.Combine(RepoPaths.Root, "examples", "config-basic.yaml"));

        Assert.Equal(0, exit);
        Assert.Equal(["ServiceAccount mqtt-kube/mqtt-kube", "Role media/mqtt-kube", "RoleBinding media/mqtt-kube"], RbacDocuments.Parse(stdout).Summary);
    }

    [Theory]
    [InlineData(new string[0], "expected one CONFIG file")]
    [InlineData(new[] { "--namespace" }, "needs a namespace")]
    [InlineData(new[] { "--namespace", "Bad_NS", "x.yaml" }, "not a valid namespace")]
    [InlineData(new[] { "--frobnicate", "x.yaml" }, "unknown option '--frobnicate'")]
    public async Task Bad_arguments_exit_2(string[] args, string message)
    {
        var (exit, stdout, stderr) = await Support.Cli.RunAsync(["rbac", .. args]);

        Assert.Equal(2, exit);
        Assert.Empty(stdout);
        Assert.Contains(message, stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bad_config_is_reported_as_check_does()
    {
        var path = Write("bad.yaml", "bindings:\n  - namespace: media\n    resource: Deployment\n    name: jellyfin\n    wacth: {}\n");

        var (exit, stdout, stderr) = await Support.Cli.RunAsync("rbac", path);
        var check = await Support.Cli.RunAsync("check", path);

        Assert.Equal(2, exit);
        Assert.Empty(stdout);
        Assert.Equal(check.Err, stderr);
        Assert.Contains($"{path}:5:5: error:", stderr, StringComparison.Ordinal);
        Support.Cli.AssertNoStackTrace(stderr);
    }

    [Fact]
    public async Task Unknown_kind_without_api_version_is_an_error_at_its_resource_key()
    {
        var path = Write("unknown.yaml", """
            bindings:
              - namespace: media
                resource: Deployment
                name: jellyfin
                watch: {locus: "$.x", topic: a}
              - namespace: media
                resource:   Widget
                name: w1
                watch: {locus: "$.x", topic: b}
            """);

        var (exit, stdout, stderr) = await Support.Cli.RunAsync("rbac", "--", path);

        Assert.Equal(2, exit);
        Assert.Empty(stdout);
        Assert.StartsWith($"{path}:7:17: error: unknown resource 'Widget'", stderr, StringComparison.Ordinal);
        Assert.Contains("api-version", stderr, StringComparison.Ordinal);
        Assert.EndsWith("1 error\n", stderr.Replace("\r\n", "\n"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Names_that_yaml_would_read_as_booleans_or_numbers_are_quoted()
    {
        var path = Write("quoting.yaml", "bindings:\n  - namespace: \"123\"\n    resource: cm\n    name: \"on\"\n    watch: {locus: \"$.x\", topic: a}\n");

        var (exit, stdout, stderr) = await Support.Cli.RunAsync("rbac", "--namespace", "yes", path);

        Assert.True(exit == 0, stderr);
        Assert.Contains("  namespace: \"yes\"\n", stdout, StringComparison.Ordinal);
        Assert.Contains("  namespace: \"123\"\n", stdout, StringComparison.Ordinal);
        Assert.Contains("resourceNames: [\"on\"]", stdout, StringComparison.Ordinal);
        Assert.Equal(["ServiceAccount yes/mqtt-kube", "Role 123/mqtt-kube", "RoleBinding 123/mqtt-kube"], RbacDocuments.Parse(stdout).Summary);
    }

    internal string Write(string name, string text)
    {
        var path = Path.Combine(dir, name);
        File.WriteAllText(path, text);
        return path;
    }
}
