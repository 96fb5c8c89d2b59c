using MqttKube.FakeKube;
using MqttKube.Kubernetes;

namespace MqttKube.Tests.Kubernetes;

public sealed class KubeConnectionTests : IDisposable
{
    private readonly KubeConfigDir dir = new();

    public void Dispose() => dir.Dispose();

    private static string B64(string text) => KubeConfigDir.B64(text);

    private string Write(string name, string text) => dir.Write(name, text);

    private string KubeConfig(string server, string clusterExtra, string user) => dir.KubeConfig(server, clusterExtra, user);

    private KubeEnvironment Env(params (string Key, string Value)[] vars) => dir.Env(vars);

    internal static async Task<string> DiscoverAsync(KubeConnection connection)
    {
        var discovery = new ApiDiscovery(new KubeApi(connection)); // the server's discovery: a built-in kind alone would ask nothing
        return ApiDiscovery.Match(await discovery.GetAllAsync(CancellationToken.None), "deploy", null)?.Kind ?? "";
    }

    [Fact]
    public async Task TokenAndInlineCaData()
    {
        await using var server = await FakeKubeServer.StartAsync(new FakeKubeOptions { Https = true, RequiredToken = "s3cret" });
        var path = KubeConfig(server.BaseAddress.ToString(), $"    certificate-authority-data: {B64(server.Certificates!.CaPem)}", "    token: s3cret");
        using var connection = KubeConnectionFactory.Create(Env(("KUBECONFIG", path)));
        Assert.Equal("Deployment", await DiscoverAsync(connection));
        Assert.Equal("media", connection.DefaultNamespace);
        Assert.All(server.Requests, r => Assert.Equal("Bearer s3cret", r.Authorization));
        Assert.All(server.Requests, r => Assert.Equal("HTTP/2", r.Protocol)); // one connection for every request and watch
    }

    [Fact]
    public async Task ClientCertificateAndCaFile()
    {
        await using var server = await FakeKubeServer.StartAsync(new FakeKubeOptions { Https = true, RequireClientCertificate = true });
        var ca = Write("ca.crt", server.Certificates!.CaPem);
        var path = KubeConfig(server.BaseAddress.ToString(), $"    certificate-authority: {ca}",
            $"    client-certificate-data: {B64(server.Certificates.ClientCertificatePem)}\n    client-key-data: {B64(server.Certificates.ClientKeyPem)}");
        using var connection = KubeConnectionFactory.Create(Env(("KUBECONFIG", path)));
        Assert.Equal("Deployment", await DiscoverAsync(connection));
        Assert.Contains("CN=mqtt-kube-test", server.Requests[0].ClientCertificateSubject, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ServerCertificatesAreVerifiedUnlessTheKubeconfigSaysInsecure()
    {
        await using var server = await FakeKubeServer.StartAsync(new FakeKubeOptions { Https = true });
        var otherCa = FakeCertificates.Create().CaPem;
        var path = KubeConfig(server.BaseAddress.ToString(), $"    certificate-authority-data: {B64(otherCa)}", "    token: t");
        using (var wrongCa = KubeConnectionFactory.Create(Env(("KUBECONFIG", path))))
        {
            var e = await Assert.ThrowsAsync<KubeApiException>(() => DiscoverAsync(wrongCa));
            Assert.Equal("Unreachable", e.Reason);
            Assert.Empty(server.Requests);
        }

        path = KubeConfig(server.BaseAddress.ToString(), "    insecure-skip-tls-verify: true", "    token: t");
        using var insecure = KubeConnectionFactory.Create(Env(("KUBECONFIG", path)));
        Assert.Equal("Deployment", await DiscoverAsync(insecure));
    }

    [Fact]
    public async Task InClusterUsesTheServiceAccount()
    {
        await using var server = await FakeKubeServer.StartAsync(new FakeKubeOptions { Https = true, RequiredToken = "sa-token" });
        Directory.CreateDirectory(Path.Combine(dir.Path, "sa"));
        Write("sa/token", "sa-token\n");
        Write("sa/ca.crt", server.Certificates!.CaPem);
        Write("sa/namespace", "mqtt-kube");
        using var connection = KubeConnectionFactory.Create(Env(("KUBERNETES_SERVICE_HOST", "127.0.0.1"), ("KUBERNETES_SERVICE_PORT", server.BaseAddress.Port.ToString(System.Globalization.CultureInfo.InvariantCulture))));
        Assert.Equal("in-cluster", connection.Source);
        Assert.Equal("mqtt-kube", connection.DefaultNamespace);
        Assert.Equal("Deployment", await DiscoverAsync(connection));
    }

    [Fact]
    public void KubeconfigWinsOverInClusterAndAPathListSkipsMissingFiles()
    {
        var path = KubeConfig("http://127.0.0.1:1", "", "    token: t");
        Directory.CreateDirectory(Path.Combine(dir.Path, "sa"));
        Write("sa/token", "x");
        using var connection = KubeConnectionFactory.Create(Env(("KUBECONFIG", Path.Combine(dir.Path, "missing") + Path.PathSeparator + path),
            ("KUBERNETES_SERVICE_HOST", "10.0.0.1"), ("KUBERNETES_SERVICE_PORT", "443")));
        Assert.Equal($"kubeconfig {path}", connection.Source);
        Assert.Equal("http://127.0.0.1:1/", connection.BaseUri.ToString());
    }

    [Fact]
    public void HomeKubeconfigIsTheLastResortAndItsAbsenceIsAClearError()
    {
        var e = Assert.Throws<KubeConnectionException>(() => KubeConnectionFactory.Create(Env()));
        Assert.StartsWith("no Kubernetes configuration found: KUBECONFIG is not set", e.Message, StringComparison.Ordinal);

        Directory.CreateDirectory(Path.Combine(dir.Path, "home", ".kube"));
        var config = File.ReadAllText(KubeConfig("http://127.0.0.1:2", "", "    token: t"));
        Write("home/.kube/config", config);
        using var connection = KubeConnectionFactory.Create(Env());
        Assert.Equal("http://127.0.0.1:2/", connection.BaseUri.ToString());
    }

    private const string Head = "apiVersion: v1\nkind: Config\ncurrent-context: c\ncontexts:\n- name: c\n  context: {cluster: k, user: u}\nclusters:\n- name: k\n  cluster: {server: https://127.0.0.1:6443";

    /// <summary>
    /// Each bad kubeconfig, and the message after `kubeconfig FILE`: `:LINE:COL` where our reader or what it loads for
    /// the package finds the fault; the package's own words (without a place) where it resolves the context.
    /// </summary>
    [Theory]
    [InlineData("not: [valid", ":2:1: invalid YAML: while parsing a flow sequence, did not find expected ',' or ']'.")]
    [InlineData("- a list", ":1:1: a kubeconfig is a mapping (apiVersion, clusters, users, contexts, current-context)")]
    [InlineData("apiVersion: v1\nkind: Config\n", ": current-context is not set")]
    [InlineData("apiVersion: v1\nkind: Config\ncurrent-context: nowhere\n", ": CurrentContext: nowhere not found in contexts in kubeconfig")]
    [InlineData("current-context: c\ncontexts:\n- name: c\n  context: {cluster: k}\n", ": Cluster not found for context `c` in kubeconfig")]
    [InlineData("current-context: c\ncontexts: {c: 1}\n", ":2:11: contexts is a list of {name, context}")]
    [InlineData(Head + "}\nusers: []\n", ": User not found for context c in kubeconfig")]
    [InlineData("current-context: c\ncontexts:\n- name: c\n  context: {cluster: k}\nclusters:\n- name: k\n  cluster: {server: kube:6443}\n", ": the server is not an http(s) URL: kube:6443")]
    [InlineData(Head + ", certificate-authority-data: '%%%'}\n", ":9:73: certificate-authority-data is not base64")]
    [InlineData(Head + ", certificate-authority: missing.crt}\n", ":9:68: certificate-authority: {dir}/missing.crt: no such file")]
    [InlineData(Head + ", certificate-authority-data: aGVsbG8=}\n", ":9:73: certificate-authority-data holds no PEM certificate")]
    [InlineData(Head + "}\nusers:\n- name: u\n  user: {client-certificate-data: aGVsbG8=}\n", ": User: u does not have appropriate auth credentials in kubeconfig")]
    [InlineData(Head + "}\nusers:\n- name: u\n  user: {tokenFile: none}\n", ":12:21: tokenFile: {dir}/none: no such file")]
    [InlineData(Head + "}\nusers:\n- name: u\n  user: {auth-provider: {name: gcp}}\n", ":12:25: auth-provider gcp is not supported (kubectl dropped it too): use its exec credential plugin")]
    [InlineData(Head + "}\nusers:\n- name: u\n  user: {exec: {apiVersion: v1}}\n", ": External command execution to receive user credentials must include a command to execute")]
    [InlineData(Head + "}\nusers:\n- name: u\n  user: {exec: {command: x, apiVersion: v1, env: [{name: A}]}}\n", ":12:51: each of env is {name, value}")]
    [InlineData(Head + "}\nusers:\n- name: u\n  user: {client-certificate-data: aGVsbG8=, client-key-data: aGVsbG8=}\n",
        ": the client certificate or key is not usable: The certificate contents do not contain a PEM with a CERTIFICATE label, or the content is malformed.")]
    public void ABadKubeconfigIsAMessageNamingTheFileAndPlace(string text, string expected)
    {
        var path = Write("bad", text.Replace("{dir}", dir.Path, StringComparison.Ordinal));
        var e = Assert.Throws<KubeConnectionException>(() => KubeConnectionFactory.Create(Env(("KUBECONFIG", path))));
        Assert.Equal($"kubeconfig {path}" + expected.Replace("{dir}", dir.Path, StringComparison.Ordinal), e.Message);
    }

    [Fact]
    public void KubeconfigNamingNoExistingFileIsAClearError()
    {
        var missing = Assert.Throws<KubeConnectionException>(() => KubeConnectionFactory.Create(Env(("KUBECONFIG", "/nonexistent/config"))));
        Assert.Equal("KUBECONFIG names no existing file: /nonexistent/config", missing.Message);
    }

    [Fact]
    public void AKubeconfigThatIsNotARegularFileIsRefusedBeforeItIsRead()
    {
        var fifo = Path.Combine(dir.Path, "fifo");
        using (var mkfifo = System.Diagnostics.Process.Start("mkfifo", fifo))
        {
            mkfifo.WaitForExit();
        }

        var device = Assert.Throws<KubeConnectionException>(() => KubeConnectionFactory.Create(Env(("KUBECONFIG", "/dev/zero"))));
        Assert.Equal("kubeconfig /dev/zero: is a character device, not a regular file", device.Message);
        var pipe = Assert.Throws<KubeConnectionException>(() => KubeConnectionFactory.Create(Env(("KUBECONFIG", fifo))));
        Assert.Equal($"kubeconfig {fifo}: is a FIFO (named pipe), not a regular file", pipe.Message);
    }

    [Fact]
    public async Task TheProxyFromTheEnvironmentIsUsed()
    {
        await using var proxy = await FakeKubeServer.StartAsync(); // Kestrel answers absolute-form requests, as a proxy would get them
        var path = KubeConfig("http://kube.invalid:6443", "", "    token: t");
        using var connection = KubeConnectionFactory.Create(Env(("KUBECONFIG", path), ("HTTP_PROXY", proxy.BaseAddress.ToString())));
        Assert.Equal("Deployment", await DiscoverAsync(connection));
        Assert.Contains(proxy.Requests, r => r.Path == "/apis/apps/v1");
    }

    [Theory]
    [InlineData("https://kube.example:6443", "http://proxy:3128", null, "http://proxy:3128/")]
    [InlineData("https://kube.example:6443", "proxy:3128", "", "http://proxy:3128/")]
    [InlineData("https://kube.example:6443", "http://proxy:3128", "ample", "http://proxy:3128/")]
    [InlineData("https://kube.example:6443", "http://proxy:3128", "example", null)]
    [InlineData("https://kube.example:6443", "http://proxy:3128", ".example", null)]
    [InlineData("https://kube.example:6443", "http://proxy:3128", "kube.example", null)]
    [InlineData("https://10.1.2.3:6443", "http://proxy:3128", "10.0.0.0/8", null)]
    [InlineData("https://10.1.2.3:6443", "http://proxy:3128", "*", null)]
    [InlineData("http://kube.example", "http://proxy:3128", null, null)] // HTTPS_PROXY is for https servers only
    public void ProxySelectionFollowsCurlConventions(string server, string httpsProxy, string? noProxy, string? expected)
    {
        var env = Env(("HTTPS_PROXY", httpsProxy), ("NO_PROXY", noProxy ?? ""));
        var proxy = KubeConnectionFactory.ProxyFor(env, server);
        Assert.Equal(expected, proxy?.GetProxy(new Uri(server))?.ToString());
    }
}
