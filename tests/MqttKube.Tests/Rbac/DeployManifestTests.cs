using MqttKube.Tests.Support;
using YamlDotNet.RepresentationModel;

namespace MqttKube.Tests.Rbac;

/// <summary>The manifests in deploy/ agree with each other and with what the executable prints.</summary>
public sealed class DeployManifestTests
{
    private static readonly string Deploy = Path.Combine(RepoPaths.Root, "deploy");

    [Fact]
    public async Task Rbac_yaml_is_exactly_what_the_rbac_command_prints_for_the_deploy_config()
    {
        var (exit, stdout, stderr) = await Support.Cli.RunAsync("rbac", Path.Combine(Deploy, "config.yaml"), "--namespace", "iot");

        Assert.True(exit == 0, stderr);
        Assert.True(
            stdout == Read("rbac.yaml"),
            "deploy/rbac.yaml is stale; regenerate it: mqtt-kube rbac deploy/config.yaml --namespace iot > deploy/rbac.yaml");
    }

    [Fact]
    public async Task The_config_map_holds_the_deploy_config_and_check_passes_on_it()
    {
        var configMap = Single("configmap.yaml");
        var embedded = ((YamlScalarNode)configMap["data"]["config.yaml"]).Value;

        Assert.Equal(Read("config.yaml"), embedded);
        var (exit, stdout, stderr) = await Support.Cli.RunAsync("check", Path.Combine(Deploy, "config.yaml"));
        Assert.True(exit == 0, stderr);
        Assert.Contains(": OK: 1 binding: 1 watch, 1 patch, 0 actions", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void The_deployment_runs_the_config_from_the_config_map_as_the_rbac_service_account()
    {
        var spec = (YamlMappingNode)Single("deployment.yaml")["spec"]["template"]["spec"];
        var container = (YamlMappingNode)((YamlSequenceNode)spec["containers"])[0];
        var volume = (YamlMappingNode)((YamlSequenceNode)spec["volumes"])[0];
        var mount = (YamlMappingNode)((YamlSequenceNode)container["volumeMounts"])[0];

        Assert.Equal("mqtt-kube", Text(spec["serviceAccountName"]));
        Assert.Contains(Documents("rbac.yaml"), d => Text(d["kind"]) == "ServiceAccount" && Text(d["metadata"]["name"]) == "mqtt-kube" && Text(d["metadata"]["namespace"]) == "iot");
        Assert.Equal("true", Text(spec["automountServiceAccountToken"]));
        Assert.Equal(Text(Single("configmap.yaml")["metadata"]["name"]), Text(volume["configMap"]["name"]));
        Assert.Equal(Text(volume["name"]), Text(mount["name"]));
        Assert.Equal([$"{Text(mount["mountPath"])}/config.yaml"], ((YamlSequenceNode)container["args"]).Select(Text));
        Assert.Equal("ghcr.io/mqtt-kube/mqtt-kube:latest", Text(container["image"]));
    }

    [Fact]
    public void The_deployment_probes_the_health_endpoints_on_8080()
    {
        var container = (YamlMappingNode)((YamlSequenceNode)Single("deployment.yaml")["spec"]["template"]["spec"]["containers"])[0];

        Assert.Equal("/api/health", Text(container["livenessProbe"]["httpGet"]["path"]));
        Assert.Equal("8080", Text(container["livenessProbe"]["httpGet"]["port"]));
        Assert.Equal("/readyz", Text(container["readinessProbe"]["httpGet"]["path"]));
        Assert.Equal("8080", Text(container["readinessProbe"]["httpGet"]["port"]));
        Assert.Equal("8080", Text(((YamlSequenceNode)container["ports"])[0]["containerPort"]));
        Assert.Equal("256Mi", Text(container["resources"]["limits"]["memory"]));
    }

    [Fact]
    public void The_container_meets_the_restricted_pod_security_standard()
    {
        var spec = Single("deployment.yaml")["spec"]["template"]["spec"];
        var security = ((YamlMappingNode)((YamlSequenceNode)spec["containers"])[0])["securityContext"];

        Assert.Equal("true", Text(security["runAsNonRoot"]));
        Assert.Equal("65532", Text(security["runAsUser"]));
        Assert.Equal("true", Text(security["readOnlyRootFilesystem"]));
        Assert.Equal("false", Text(security["allowPrivilegeEscalation"]));
        Assert.Equal(["ALL"], ((YamlSequenceNode)security["capabilities"]["drop"]).Select(Text));
        Assert.Equal("RuntimeDefault", Text(security["seccompProfile"]["type"]));
        Assert.Equal("RuntimeDefault", Text(spec["securityContext"]["seccompProfile"]["type"]));
        Assert.Equal("restricted", Text(Single("namespace.yaml")["metadata"]["labels"]["pod-security.kubernetes.io/enforce"]));
    }

    [Fact]
    public void The_kustomization_lists_each_manifest_once_and_no_object_twice()
    {
        var listed = ((YamlSequenceNode)Single("kustomization.yaml")["resources"]).Select(Text).ToList();
        var manifests = Directory.GetFiles(Deploy, "*.yaml").Select(Path.GetFileName)
            .Where(f => f is not "config.yaml" and not "kustomization.yaml" and not "serviceaccount.yaml");

        Assert.Equal(manifests.Order(StringComparer.Ordinal), listed.Order(StringComparer.Ordinal));
        var ids = listed.SelectMany(Documents).Select(d => $"{Text(d["kind"])} {Namespace(d)}/{Text(d["metadata"]["name"])}").ToList();
        Assert.Equal(ids.Distinct(), ids);
        Assert.All(ids.Where(id => !id.StartsWith("Namespace ", StringComparison.Ordinal) && !id.StartsWith("Role", StringComparison.Ordinal)), id => Assert.Contains(" iot/", id, StringComparison.Ordinal));
    }

    [Fact]
    public void The_separate_service_account_is_the_one_rbac_yaml_holds()
    {
        var alone = Single("serviceaccount.yaml");
        var generated = Documents("rbac.yaml").Single(d => Text(d["kind"]) == "ServiceAccount");

        Assert.Equal(Text(generated["metadata"]["name"]), Text(alone["metadata"]["name"]));
        Assert.Equal(Text(generated["metadata"]["namespace"]), Text(alone["metadata"]["namespace"]));
        Assert.Equal(Text(generated["apiVersion"]), Text(alone["apiVersion"]));
    }

    private static string Read(string file) => File.ReadAllText(Path.Combine(Deploy, file)).Replace("\r\n", "\n");

    private static List<YamlMappingNode> Documents(string file)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(Read(file)));
        return [.. stream.Documents.Select(d => Assert.IsType<YamlMappingNode>(d.RootNode))];
    }

    private static YamlMappingNode Single(string file) => Assert.Single(Documents(file));

    private static string Text(YamlNode node) => Assert.IsType<YamlScalarNode>(node).Value!;

    private static string Namespace(YamlMappingNode document) =>
        ((YamlMappingNode)document["metadata"]).Children.TryGetValue(new YamlScalarNode("namespace"), out var ns) ? Text(ns) : "-";
}
