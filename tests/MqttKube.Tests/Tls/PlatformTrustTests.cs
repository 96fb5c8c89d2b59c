using MqttKube.Configuration;
using MqttKube.Kubernetes;
using MqttKube.Tests.Kubernetes;

namespace MqttKube.Tests.Tls;

/// <summary>
/// Which connections check certificates against the platform's CAs: only then does the service read them at start
/// (<see cref="MqttKube.Tls.PlatformTrustStore"/>); every other connection trusts the CA its config names.
/// </summary>
public sealed class PlatformTrustTests : IDisposable
{
    private readonly KubeConfigDir dir = new();

    public void Dispose() => dir.Dispose();

    [Theory]
    [InlineData("https://kube.example:6443", "    certificate-authority-data: CA", false)]
    [InlineData("https://kube.example:6443", "    insecure-skip-tls-verify: true", false)]
    [InlineData("http://127.0.0.1:8080", "", false)]
    [InlineData("https://kube.example:6443", "", true)]
    public void TheApiServerUsesThePlatformsCasOnlyWithoutACaOfItsOwn(string server, string cluster, bool platform)
    {
        var ca = KubeConfigDir.B64(MqttKube.FakeKube.FakeCertificates.Create().CaPem);
        var path = dir.KubeConfig(server, cluster.Replace("CA", ca, StringComparison.Ordinal), "    token: t");
        using var connection = KubeConnectionFactory.Create(new KubeEnvironment(n => n == "KUBECONFIG" ? path : null, null, "/nonexistent"));
        Assert.Equal(platform, connection.UsesPlatformTrust);
    }

    [Theory]
    [InlineData("https://proxy.example:3128", true)]
    [InlineData("http://proxy.example:3128", false)]
    public void AnHttpsProxyUsesThePlatformsCasThoughTheApiServerHasItsOwn(string proxy, bool platform)
    {
        var ca = KubeConfigDir.B64(MqttKube.FakeKube.FakeCertificates.Create().CaPem);
        var path = dir.KubeConfig("https://kube.example:6443", $"    certificate-authority-data: {ca}", "    token: t");
        using var connection = KubeConnectionFactory.Create(new KubeEnvironment(n => n switch { "KUBECONFIG" => path, "HTTPS_PROXY" => proxy, _ => null }, null, "/nonexistent"));
        Assert.Equal(platform, connection.UsesPlatformTrust);
    }

    [Theory]
    [InlineData("{host: broker}", false)]
    [InlineData("{host: broker, tls: {}}", true)]
    [InlineData("{host: broker, tls: {cafile: !relpath ca.crt}}", false)]
    [InlineData("{host: broker, tls: {insecure: true}}", false)]
    [InlineData("{host: broker, auth: {type: mtls, certfile: !relpath c.crt, keyfile: !relpath c.key}}", true)]
    [InlineData("{host: broker, auth: {type: mtls, cafile: !relpath ca.crt, certfile: !relpath c.crt, keyfile: !relpath c.key}}", false)]
    public void TheBrokerUsesThePlatformsCasOnlyOverTlsWithoutACaFile(string mqtt, bool platform)
    {
        foreach (var file in new[] { "ca.crt", "c.crt", "c.key" })
        {
            File.WriteAllText(Path.Combine(dir.Path, file), "-");
        }

        var config = Path.Combine(dir.Path, "config.yaml");
        File.WriteAllText(config, $"mqtt: {mqtt}\nbindings:\n  - {{namespace: a, resource: Deployment, name: b, watch: {{locus: spec.replicas, topic: t}}}}\n");
        var loaded = ConfigLoader.Load(config);
        Assert.True(loaded.Success, string.Join("\n", loaded.Diagnostics));
        Assert.Equal(platform, loaded.Config!.Mqtt.UsesPlatformTrust);
    }
}
