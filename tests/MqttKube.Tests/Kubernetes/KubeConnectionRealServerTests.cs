using System.Globalization;
using MqttKube.Kubernetes;
using MqttKube.Tests.Support.RealKube;

namespace MqttKube.Tests.Kubernetes;

/// <summary>The auth forms against a real kube-apiserver (RBAC on: a request that is not authenticated gets 401/403).</summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")] // the exec plugin is a shell script
[Collection(RealKubeCollection.Name)]
public sealed class KubeConnectionRealServerTests(RealKubeControlPlane controlPlane) : IDisposable
{
    private readonly KubeConfigDir dir = new();

    /// <summary>The control plane's address and credentials; skips the test when there is none.</summary>
    private RealKubeEnvironment Kube
    {
        get
        {
            controlPlane.Require();
            return controlPlane.Environment;
        }
    }

    public void Dispose() => dir.Dispose();

    private string Ca => $"    certificate-authority: {Kube.CaFile}";

    private string Token => $"    token: {Kube.Token}";

    /// <summary>Reads the default service account: needs an authenticated, authorized user.</summary>
    private static async Task<string?> DefaultServiceAccountAsync(KubeConnection connection)
    {
        var sa = await new KubeApi(connection).GetAsync("/api/v1/namespaces/default/serviceaccounts/default", CancellationToken.None);
        return sa["metadata"]?["name"]?.GetValue<string>();
    }

    private async Task AssertAuthenticatedAsync(params (string Key, string Value)[] env)
    {
        using var connection = KubeConnectionFactory.Create(dir.Env(env));
        Assert.Equal("default", await DefaultServiceAccountAsync(connection));
    }

    private string Config(string cluster, string user) => dir.KubeConfig(Kube.Server.ToString(), cluster, user);

    [SkippableFact]
    public Task ClientCertificateInlineFromUpSh() => AssertAuthenticatedAsync(("KUBECONFIG", Kube.Kubeconfig));

    [SkippableFact]
    public Task ClientCertificateFilesAndInlineCa() => AssertAuthenticatedAsync(("KUBECONFIG", Config(
        $"    certificate-authority-data: {KubeConfigDir.B64(File.ReadAllText(Kube.CaFile))}",
        $"    client-certificate: {Kube.ClientCertFile}\n    client-key: {Kube.ClientKeyFile}")));

    [SkippableFact]
    public Task TokenAndCaFile() => AssertAuthenticatedAsync(("KUBECONFIG", Config(Ca, Token)));

    [SkippableFact]
    public Task TokenWithoutVerifyingTheServer() => AssertAuthenticatedAsync(("KUBECONFIG", Config("    insecure-skip-tls-verify: true", Token)));

    [SkippableFact]
    public async Task AWrongTokenIsUnauthorized()
    {
        using var connection = KubeConnectionFactory.Create(dir.Env(("KUBECONFIG", Config(Ca, "    token: wrong"))));
        var e = await Assert.ThrowsAsync<KubeApiException>(() => DefaultServiceAccountAsync(connection));
        Assert.Equal(401, e.Code);
    }

    [SkippableFact]
    public async Task AServerCertificateFromAnotherCaIsRefused()
    {
        var otherCa = dir.Write("other-ca.crt", FakeKube.FakeCertificates.Create().CaPem);
        using var connection = KubeConnectionFactory.Create(dir.Env(("KUBECONFIG", Config($"    certificate-authority: {otherCa}", Token))));
        Assert.Equal("Unreachable", (await Assert.ThrowsAsync<KubeApiException>(() => DefaultServiceAccountAsync(connection))).Reason);
    }

    [SkippableFact]
    public Task InCluster()
    {
        dir.Write("sa/token", Kube.Token);
        dir.Write("sa/ca.crt", File.ReadAllText(Kube.CaFile));
        dir.Write("sa/namespace", "default");
        return AssertAuthenticatedAsync(("KUBERNETES_SERVICE_HOST", "127.0.0.1"),
            ("KUBERNETES_SERVICE_PORT", Kube.Server.Port.ToString(CultureInfo.InvariantCulture)));
    }

    [SkippableFact]
    public Task ExecPlugin()
    {
        var plugin = dir.Write("plugin.sh", $$$"""
            #!/bin/sh
            echo '{"apiVersion":"client.authentication.k8s.io/v1","kind":"ExecCredential","status":{"token":"{{{Kube.Token}}}"}}'
            """);
        File.SetUnixFileMode(plugin, UnixFileMode.UserRead | UnixFileMode.UserExecute);
        return AssertAuthenticatedAsync(("KUBECONFIG", Config(Ca, $"""
                exec:
                  apiVersion: client.authentication.k8s.io/v1
                  command: {plugin}
                  interactiveMode: Never
            """)));
    }

    [SkippableFact]
    public async Task ThroughAnHttpsProxy()
    {
        await using var proxy = new ConnectProxy();
        await AssertAuthenticatedAsync(("KUBECONFIG", Config(Ca, Token)), ("HTTPS_PROXY", proxy.Address.ToString()));
        Assert.Equal([$"127.0.0.1:{Kube.Server.Port}"], proxy.Tunnels.Distinct());
    }
}
