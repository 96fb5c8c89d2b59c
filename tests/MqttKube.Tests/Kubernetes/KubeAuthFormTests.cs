using System.Globalization;
using MqttKube.FakeKube;
using MqttKube.Kubernetes;

namespace MqttKube.Tests.Kubernetes;

/// <summary>Every way a kubeconfig or a pod authenticates, against the fake API server over TLS.</summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")] // the exec plugins are shell scripts
public sealed class KubeAuthFormTests : IDisposable
{
    private readonly KubeConfigDir dir = new();

    public void Dispose() => dir.Dispose();

    private static Task<string> DiscoverAsync(KubeConnection connection) => KubeConnectionTests.DiscoverAsync(connection);

    private static string B64(string text) => KubeConfigDir.B64(text);

    [Fact]
    public async Task ClientCertificateAndKeyFiles()
    {
        await using var server = await FakeKubeServer.StartAsync(new FakeKubeOptions { Https = true, RequireClientCertificate = true });
        var certificate = dir.Write("client.crt", server.Certificates!.ClientCertificatePem);
        var key = dir.Write("client.key", server.Certificates.ClientKeyPem);
        var path = dir.KubeConfig(server.BaseAddress.ToString(), $"    certificate-authority-data: {B64(server.Certificates.CaPem)}",
            $"    client-certificate: {certificate}\n    client-key: {key}");
        using var connection = KubeConnectionFactory.Create(dir.Env(("KUBECONFIG", path)));
        Assert.Equal("Deployment", await DiscoverAsync(connection));
        Assert.All(server.Requests, r => Assert.Contains("CN=mqtt-kube-test", r.ClientCertificateSubject, StringComparison.Ordinal));
    }

    [Fact]
    public async Task TokenFileRelativeToTheKubeconfig()
    {
        await using var server = await FakeKubeServer.StartAsync(new FakeKubeOptions { Https = true, RequiredToken = "from-file" });
        dir.Write("token.txt", "from-file\n");
        var path = dir.KubeConfig(server.BaseAddress.ToString(), $"    certificate-authority-data: {B64(server.Certificates!.CaPem)}", "    tokenFile: token.txt");
        using var connection = KubeConnectionFactory.Create(dir.Env(("KUBECONFIG", path)));
        Assert.Equal("Deployment", await DiscoverAsync(connection));
    }

    [Fact]
    public async Task KubeconfigsMergeFirstNameWinsAndPathsAreRelativeToTheirFile()
    {
        await using var server = await FakeKubeServer.StartAsync(new FakeKubeOptions { Https = true, RequireClientCertificate = true });
        dir.Write("b/client.crt", server.Certificates!.ClientCertificatePem);
        dir.Write("b/client.key", server.Certificates.ClientKeyPem);
        dir.Write("a/ca.crt", server.Certificates.CaPem);
        var first = dir.Write("a/config", $"""
            current-context: test
            contexts: [{"{"}name: test, context: {"{"}cluster: k, user: u{"}"}{"}"}]
            clusters: [{"{"}name: k, cluster: {"{"}server: "{server.BaseAddress}", certificate-authority: ca.crt{"}"}{"}"}]
            """);
        var second = dir.Write("b/config", """
            current-context: other
            clusters: [{name: k, cluster: {server: "https://127.0.0.1:1"}}]
            users: [{name: u, user: {client-certificate: client.crt, client-key: client.key}}]
            """);
        using var connection = KubeConnectionFactory.Create(dir.Env(("KUBECONFIG", first + Path.PathSeparator + second)));
        Assert.Equal("Deployment", await DiscoverAsync(connection));
        Assert.Contains("CN=mqtt-kube-test", server.Requests[0].ClientCertificateSubject, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BasicAuth()
    {
        await using var server = await FakeKubeServer.StartAsync(new FakeKubeOptions { Https = true });
        var path = dir.KubeConfig(server.BaseAddress.ToString(), $"    certificate-authority-data: {B64(server.Certificates!.CaPem)}",
            "    username: admin\n    password: pa:ss");
        using var connection = KubeConnectionFactory.Create(dir.Env(("KUBECONFIG", path)));
        Assert.Equal("Deployment", await DiscoverAsync(connection));
        Assert.All(server.Requests, r => Assert.Equal("Basic " + B64("admin:pa:ss"), r.Authorization));
    }

    [Fact]
    public async Task WithoutACaTheSystemRootsDecideSoAPrivateCaIsRefused()
    {
        await using var server = await FakeKubeServer.StartAsync(new FakeKubeOptions { Https = true });
        var path = dir.KubeConfig(server.BaseAddress.ToString(), "", "    token: t");
        using var connection = KubeConnectionFactory.Create(dir.Env(("KUBECONFIG", path)));
        var e = await Assert.ThrowsAsync<KubeApiException>(() => DiscoverAsync(connection));
        Assert.Equal("Unreachable", e.Reason);
        Assert.Empty(server.Requests);
    }

    [Fact]
    public async Task ACaBundleTrustsEachOfItsCertificatesAsDuringACaRotation()
    {
        await using var server = await FakeKubeServer.StartAsync(new FakeKubeOptions { Https = true, RequiredToken = "t" });
        using var oldKey = System.Security.Cryptography.RSA.Create(2048);
        using var oldCa = new System.Security.Cryptography.X509Certificates.CertificateRequest("CN=old-kube-ca", oldKey,
            System.Security.Cryptography.HashAlgorithmName.SHA256, System.Security.Cryptography.RSASignaturePadding.Pkcs1)
            .CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        var bundle = oldCa.ExportCertificatePem() + "\n" + server.Certificates!.CaPem; // the old CA first, the server's after
        var inline = dir.KubeConfig(server.BaseAddress.ToString(), $"    certificate-authority-data: {B64(bundle)}", "    token: t");
        using (var connection = KubeConnectionFactory.Create(dir.Env(("KUBECONFIG", inline))))
        {
            Assert.Equal("Deployment", await DiscoverAsync(connection));
        }

        var file = dir.KubeConfig(server.BaseAddress.ToString(), $"    certificate-authority: {dir.Write("bundle.crt", bundle)}", "    token: t");
        using var fromFile = KubeConnectionFactory.Create(dir.Env(("KUBECONFIG", file)));
        Assert.Equal("Deployment", await DiscoverAsync(fromFile));
    }

    [Theory]
    [InlineData("localhost", true)]
    [InlineData("kube.example", false)]
    public async Task TlsServerNameIsTheNameTheCertificateIsCheckedAgainst(string name, bool accepted)
    {
        await using var server = await FakeKubeServer.StartAsync(new FakeKubeOptions { Https = true });
        var path = dir.KubeConfig(server.BaseAddress.ToString(),
            $"    certificate-authority-data: {B64(server.Certificates!.CaPem)}\n    tls-server-name: {name}", "    token: t");
        using var connection = KubeConnectionFactory.Create(dir.Env(("KUBECONFIG", path)));
        if (accepted)
        {
            Assert.Equal("Deployment", await DiscoverAsync(connection));
        }
        else
        {
            Assert.Equal("Unreachable", (await Assert.ThrowsAsync<KubeApiException>(() => DiscoverAsync(connection))).Reason);
        }
    }

    [Fact]
    public async Task TheServiceAccountTokenIsReadAgainAsItRotates()
    {
        await using var server = await FakeKubeServer.StartAsync(new FakeKubeOptions { Https = true });
        dir.Write("sa/token", "first\n");
        dir.Write("sa/ca.crt", server.Certificates!.CaPem);
        var clock = new SteppedTime();
        var env = dir.Env(("KUBERNETES_SERVICE_HOST", "127.0.0.1"), ("KUBERNETES_SERVICE_PORT", server.BaseAddress.Port.ToString(CultureInfo.InvariantCulture))) with { Time = clock };
        using var connection = KubeConnectionFactory.Create(env);
        var api = new KubeApi(connection);

        async Task<string?> AuthorizationAsync()
        {
            await api.GetAsync("/version", CancellationToken.None);
            return server.Requests[^1].Authorization;
        }

        Assert.Equal("Bearer first", await AuthorizationAsync());
        dir.Write("sa/token", "second\n");
        Assert.Equal("Bearer first", await AuthorizationAsync()); // read at most once a minute
        clock.Advance(TokenFile.Refresh);
        Assert.Equal("Bearer second", await AuthorizationAsync());

        File.Delete(Path.Combine(dir.Path, "sa", "token")); // mid-rotation: the last token read goes on
        clock.Advance(TokenFile.Refresh);
        Assert.Equal("Bearer second", await AuthorizationAsync());
    }

    private string Plugin(string script)
    {
        var path = dir.Write("plugin.sh", "#!/bin/sh\n" + script);
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        return path;
    }

    /// <summary>The package joins arguments with spaces into one command line: ours are quoted so that each arrives whole.</summary>
    private static string ExecUser(string plugin) => $"""
            exec:
              apiVersion: client.authentication.k8s.io/v1
              command: {plugin}
              args: [--cluster, 'test cluster', 'say "hi" \', '']
              interactiveMode: Never
        """;

    [Fact]
    public async Task ExecPluginTokenIsAskedForAgainWhenItExpires()
    {
        await using var server = await FakeKubeServer.StartAsync(new FakeKubeOptions { Https = true, RequiredToken = "exec-token" });
        var runs = Path.Combine(dir.Path, "runs");
        var plugin = Plugin($$$"""
            echo "$#|$1|$2|$3|$4|$KUBERNETES_EXEC_INFO" >> {{{runs}}}
            echo '{"apiVersion":"client.authentication.k8s.io/v1","kind":"ExecCredential","status":{"token":"exec-token","expirationTimestamp":"2000-01-01T00:00:00Z"}}'
            """);
        var path = dir.KubeConfig(server.BaseAddress.ToString(), $"    certificate-authority-data: {B64(server.Certificates!.CaPem)}", ExecUser(plugin));
        using var connection = KubeConnectionFactory.Create(dir.Env(("KUBECONFIG", path)));
        Assert.Equal("Deployment", await DiscoverAsync(connection));
        var lines = File.ReadAllLines(runs);
        Assert.True(lines.Length > 2, $"the expired token is renewed before each request: {lines.Length} runs");
        // Not interactive: nobody can answer a login prompt (the package alone says `true`).
        Assert.Equal("4|--cluster|test cluster|say \"hi\" \\||{\"apiVersion\":\"client.authentication.k8s.io/v1\",\"kind\":\"ExecCredential\",\"spec\":{\"interactive\":false}}", lines[0]);
    }

    [Fact]
    public async Task ExecPluginClientCertificate()
    {
        await using var server = await FakeKubeServer.StartAsync(new FakeKubeOptions { Https = true, RequireClientCertificate = true });
        static string Json(string pem) => pem.ReplaceLineEndings("\\n");
        var plugin = Plugin($$$"""
            cat <<'JSON'
            {"apiVersion":"client.authentication.k8s.io/v1","kind":"ExecCredential","status":{"clientCertificateData":"{{{Json(server.Certificates!.ClientCertificatePem)}}}","clientKeyData":"{{{Json(server.Certificates.ClientKeyPem)}}}"}}
            JSON
            """);
        Assert.Equal(dir.Path, Path.GetDirectoryName(plugin));
        var relative = "./" + Path.GetFileName(plugin); // beside the kubeconfig, as kubectl finds it (not in the working folder)
        var path = dir.KubeConfig(server.BaseAddress.ToString(), $"    certificate-authority-data: {B64(server.Certificates.CaPem)}", ExecUser(relative));
        using var connection = KubeConnectionFactory.Create(dir.Env(("KUBECONFIG", path)));
        Assert.Equal("Deployment", await DiscoverAsync(connection));
        Assert.Contains("CN=mqtt-kube-test", server.Requests[0].ClientCertificateSubject, StringComparison.Ordinal);
    }

    /// <summary>
    /// The package runs the plugin: its message follows `exec plugin PATH:`. It reads neither the exit code nor stderr
    /// (which passes through to ours, as with kubectl): a failed plugin is one that printed no ExecCredential.
    /// </summary>
    [Theory]
    [InlineData("echo progress >&2\necho 'error: not logged in, run: cloud login' >&2\nexit 3",
        "external exec failed due to failed deserialization process: The input does not contain any JSON tokens.")]
    [InlineData("echo '{\"apiVersion\":\"client.authentication.k8s.io/v1beta1\",\"kind\":\"ExecCredential\",\"status\":{\"token\":\"x\"}}'",
        "external exec failed due to uncaught exception: external exec failed because api version client.authentication.k8s.io/v1beta1 does not match client.authentication.k8s.io/v1")]
    [InlineData("true", "external exec failed due to failed deserialization process: The input does not contain any JSON tokens.")]
    [InlineData("echo '{\"apiVersion\":\"client.authentication.k8s.io/v1\",\"kind\":\"ExecCredential\",\"status\":{}}'",
        "external exec failed due to uncaught exception: external exec failed missing token or clientCertificateData field in plugin output")]
    public void AFailingExecPluginIsAMessageNamingTheKubeconfigAndThePlugin(string script, string expected)
    {
        var plugin = Plugin(script);
        var path = dir.KubeConfig("https://127.0.0.1:1", "", ExecUser(plugin));
        var e = Assert.Throws<KubeConnectionException>(() => KubeConnectionFactory.Create(dir.Env(("KUBECONFIG", path))));
        Assert.StartsWith($"kubeconfig {path}: exec plugin {plugin}: {expected}", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', e.Message);
    }

    [Fact]
    public void AMissingExecPluginSaysSoWithTheInstallHint()
    {
        var path = dir.KubeConfig("https://127.0.0.1:1", "", ExecUser("no-such-plugin-on-path") + "\n      installHint: 'install it with: get no-such-plugin'");
        var e = Assert.Throws<KubeConnectionException>(() => KubeConnectionFactory.Create(dir.Env(("KUBECONFIG", path))));
        Assert.StartsWith($"kubeconfig {path}: exec plugin no-such-plugin-on-path: external exec failed due to: An error occurred trying to start process 'no-such-plugin-on-path'", e.Message, StringComparison.Ordinal);
        Assert.EndsWith("(install it with: get no-such-plugin)", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnExecPluginFailingLaterIsAnUnreachableApiWithThePluginsMessage()
    {
        await using var server = await FakeKubeServer.StartAsync(new FakeKubeOptions { Https = true });
        var runs = Path.Combine(dir.Path, "runs");
        var plugin = Plugin($$$"""
            if [ -e {{{runs}}} ]; then echo 'token expired, log in again' >&2; exit 1; fi
            touch {{{runs}}}
            echo '{"apiVersion":"client.authentication.k8s.io/v1","kind":"ExecCredential","status":{"token":"t","expirationTimestamp":"2000-01-01T00:00:00Z"}}'
            """);
        var path = dir.KubeConfig(server.BaseAddress.ToString(), $"    certificate-authority-data: {B64(server.Certificates!.CaPem)}", ExecUser(plugin));
        using var connection = KubeConnectionFactory.Create(dir.Env(("KUBECONFIG", path)));
        var e = await Assert.ThrowsAsync<KubeApiException>(() => DiscoverAsync(connection));
        Assert.Equal("Unreachable", e.Reason);
        Assert.Contains("no credentials for the Kubernetes API: external exec failed due to failed deserialization process: ", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, true)]
    [InlineData("localhost", false)]
    [InlineData("127.0.0.1,.example", true)]
    public async Task HttpsProxyTunnelsUnlessNoProxySaysSo(string? noProxy, bool tunnelled)
    {
        await using var server = await FakeKubeServer.StartAsync(new FakeKubeOptions { Https = true, RequiredToken = "t" });
        await using var proxy = new ConnectProxy("me:secret");
        var kube = $"https://localhost:{server.BaseAddress.Port}";
        var path = dir.KubeConfig(kube, $"    certificate-authority-data: {B64(server.Certificates!.CaPem)}", "    token: t");
        var proxyUrl = $"http://me:secret@127.0.0.1:{proxy.Address.Port}";
        using var connection = KubeConnectionFactory.Create(dir.Env(("KUBECONFIG", path), ("HTTPS_PROXY", proxyUrl), ("NO_PROXY", noProxy ?? "")));
        Assert.Equal("Deployment", await DiscoverAsync(connection));
        Assert.Equal(tunnelled ? [$"localhost:{server.BaseAddress.Port}"] : [], proxy.Tunnels.Distinct());
    }

    /// <summary>A clock that moves only when told.</summary>
    private sealed class SteppedTime : TimeProvider
    {
        private DateTimeOffset now = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

        public override DateTimeOffset GetUtcNow() => now;

        public void Advance(TimeSpan by) => now += by;
    }
}
