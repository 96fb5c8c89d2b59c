using System.Text;
using MqttKube.FakeKube;
using MqttKube.Kubernetes;

namespace MqttKube.Tests.Kubernetes;

public sealed class KubeConnectionTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("mqtt-kube-kubeconfig").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static string B64(string text) => Convert.ToBase64String(Encoding.UTF8.GetBytes(text));

    private string Write(string name, string text)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllText(path, text);
        return path;
    }

    private string KubeConfig(string server, string clusterExtra, string user) => Write("config", $"""
        apiVersion: v1
        kind: Config
        current-context: test
        clusters:
        - name: fake
          cluster:
            server: {server}
        {clusterExtra}
        users:
        - name: me
          user:
        {user}
        contexts:
        - name: test
          context:
            cluster: fake
            user: me
            namespace: media
        """);

    private KubeEnvironment Env(params (string Key, string Value)[] vars) =>
        new(name => vars.FirstOrDefault(v => v.Key == name).Value, Path.Combine(_dir, "home"), Path.Combine(_dir, "sa"));

    private static async Task<string> DiscoverAsync(KubeConnection connection)
    {
        var discovery = new ApiDiscovery(new KubeApi(connection));
        return (await discovery.ResolveAsync("deploy", null, CancellationToken.None)).Kind;
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
        Directory.CreateDirectory(Path.Combine(_dir, "sa"));
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
        Directory.CreateDirectory(Path.Combine(_dir, "sa"));
        Write("sa/token", "x");
        using var connection = KubeConnectionFactory.Create(Env(("KUBECONFIG", Path.Combine(_dir, "missing") + Path.PathSeparator + path),
            ("KUBERNETES_SERVICE_HOST", "10.0.0.1"), ("KUBERNETES_SERVICE_PORT", "443")));
        Assert.Equal($"kubeconfig {path}", connection.Source);
        Assert.Equal("http://127.0.0.1:1/", connection.BaseUri.ToString());
    }

    [Fact]
    public void HomeKubeconfigIsTheLastResortAndItsAbsenceIsAClearError()
    {
        var e = Assert.Throws<KubeConnectionException>(() => KubeConnectionFactory.Create(Env()));
        Assert.StartsWith("no Kubernetes configuration found: KUBECONFIG is not set", e.Message, StringComparison.Ordinal);

        Directory.CreateDirectory(Path.Combine(_dir, "home", ".kube"));
        var config = File.ReadAllText(KubeConfig("http://127.0.0.1:2", "", "    token: t"));
        Write("home/.kube/config", config);
        using var connection = KubeConnectionFactory.Create(Env());
        Assert.Equal("http://127.0.0.1:2/", connection.BaseUri.ToString());
    }

    [Theory]
    [InlineData("not: [valid")]
    [InlineData("apiVersion: v1\nkind: Config\ncurrent-context: nowhere\n")]
    public void ABadKubeconfigIsAMessageNamingTheFile(string text)
    {
        var path = Write("bad", text);
        var e = Assert.Throws<KubeConnectionException>(() => KubeConnectionFactory.Create(Env(("KUBECONFIG", path))));
        Assert.StartsWith($"kubeconfig {path}: ", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", e.Message, StringComparison.Ordinal);

        var missing = Assert.Throws<KubeConnectionException>(() => KubeConnectionFactory.Create(Env(("KUBECONFIG", "/nonexistent/config"))));
        Assert.Equal("KUBECONFIG names no existing file: /nonexistent/config", missing.Message);
    }

    [Fact]
    public void AKubeconfigThatIsNotARegularFileIsRefusedBeforeItIsRead()
    {
        var fifo = Path.Combine(_dir, "fifo");
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
