using System.Globalization;
using MqttKube.Kubernetes;

namespace MqttKube.Tests.Kubernetes;

/// <summary>The auth forms against a real kube-apiserver (RBAC on: a request that is not authenticated gets 401/403).</summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")] // the exec plugin is a shell script
public sealed class KubeConnectionRealServerTests(RealKubeApiServer kube) : IClassFixture<RealKubeApiServer>, IDisposable
{
    private readonly KubeConfigDir _dir = new();

    public void Dispose() => _dir.Dispose();

    private string Ca => $"    certificate-authority: {kube.Env["KUBE_CA_FILE"]}";

    private string Token => $"    token: {kube.Env["KUBE_TOKEN"]}";

    /// <summary>Reads the default service account: needs an authenticated, authorized user.</summary>
    private static async Task<string?> DefaultServiceAccountAsync(KubeConnection connection)
    {
        var sa = await new KubeApi(connection).GetAsync("/api/v1/namespaces/default/serviceaccounts/default", CancellationToken.None);
        return sa["metadata"]?["name"]?.GetValue<string>();
    }

    private async Task AssertAuthenticatedAsync(params (string Key, string Value)[] env)
    {
        using var connection = KubeConnectionFactory.Create(_dir.Env(env));
        Assert.Equal("default", await DefaultServiceAccountAsync(connection));
    }

    private string Config(string cluster, string user) => _dir.KubeConfig(kube.Url.ToString(), cluster, user);

    [RealKubeFact]
    public Task ClientCertificateInlineFromUpSh() => AssertAuthenticatedAsync(("KUBECONFIG", kube.KubeConfigPath));

    [RealKubeFact]
    public Task ClientCertificateFilesAndInlineCa() => AssertAuthenticatedAsync(("KUBECONFIG", Config(
        $"    certificate-authority-data: {KubeConfigDir.B64(File.ReadAllText(kube.Env["KUBE_CA_FILE"]))}",
        $"    client-certificate: {kube.Env["KUBE_CLIENT_CERT_FILE"]}\n    client-key: {kube.Env["KUBE_CLIENT_KEY_FILE"]}")));

    [RealKubeFact]
    public Task TokenAndCaFile() => AssertAuthenticatedAsync(("KUBECONFIG", Config(Ca, Token)));

    [RealKubeFact]
    public Task TokenWithoutVerifyingTheServer() => AssertAuthenticatedAsync(("KUBECONFIG", Config("    insecure-skip-tls-verify: true", Token)));

    [RealKubeFact]
    public async Task AWrongTokenIsUnauthorized()
    {
        using var connection = KubeConnectionFactory.Create(_dir.Env(("KUBECONFIG", Config(Ca, "    token: wrong"))));
        var e = await Assert.ThrowsAsync<KubeApiException>(() => DefaultServiceAccountAsync(connection));
        Assert.Equal(401, e.Code);
    }

    [RealKubeFact]
    public async Task AServerCertificateFromAnotherCaIsRefused()
    {
        var otherCa = _dir.Write("other-ca.crt", FakeKube.FakeCertificates.Create().CaPem);
        using var connection = KubeConnectionFactory.Create(_dir.Env(("KUBECONFIG", Config($"    certificate-authority: {otherCa}", Token))));
        Assert.Equal("Unreachable", (await Assert.ThrowsAsync<KubeApiException>(() => DefaultServiceAccountAsync(connection))).Reason);
    }

    [RealKubeFact]
    public Task InCluster()
    {
        _dir.Write("sa/token", kube.Env["KUBE_TOKEN"]);
        _dir.Write("sa/ca.crt", File.ReadAllText(kube.Env["KUBE_CA_FILE"]));
        _dir.Write("sa/namespace", "default");
        return AssertAuthenticatedAsync(("KUBERNETES_SERVICE_HOST", "127.0.0.1"),
            ("KUBERNETES_SERVICE_PORT", kube.Url.Port.ToString(CultureInfo.InvariantCulture)));
    }

    [RealKubeFact]
    public Task ExecPlugin()
    {
        var plugin = _dir.Write("plugin.sh", $$$"""
            #!/bin/sh
            echo '{"apiVersion":"client.authentication.k8s.io/v1","kind":"ExecCredential","status":{"token":"{{{kube.Env["KUBE_TOKEN"]}}}"}}'
            """);
        File.SetUnixFileMode(plugin, UnixFileMode.UserRead | UnixFileMode.UserExecute);
        return AssertAuthenticatedAsync(("KUBECONFIG", Config(Ca, $"""
                exec:
                  apiVersion: client.authentication.k8s.io/v1
                  command: {plugin}
                  interactiveMode: Never
            """)));
    }

    [RealKubeFact]
    public async Task ThroughAnHttpsProxy()
    {
        await using var proxy = new ConnectProxy();
        await AssertAuthenticatedAsync(("KUBECONFIG", Config(Ca, Token)), ("HTTPS_PROXY", proxy.Address.ToString()));
        Assert.Equal([$"127.0.0.1:{kube.Url.Port}"], proxy.Tunnels.Distinct());
    }
}
