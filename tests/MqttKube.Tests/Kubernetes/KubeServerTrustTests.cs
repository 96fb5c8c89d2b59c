using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using k8s;
using MqttKube.FakeKube;
using MqttKube.Kubernetes;

namespace MqttKube.Tests.Kubernetes;

/// <summary>
/// The API server's certificate against the kubeconfig's CA, as kubectl checks it: that CA replaces the platform's
/// roots, so what the platform trusts does not count.
/// </summary>
public sealed class KubeServerTrustTests
{
    private static readonly FakeCertificates Pinned = FakeCertificates.Create();
    private static readonly FakeCertificates Other = FakeCertificates.Create();

    private static RemoteCertificateValidationCallback Check(params X509Certificate2[] roots) =>
        KubeHttpHandler.ServerCertificateCheck(new KubernetesClientConfiguration { Host = "https://127.0.0.1:6443", SslCaCerts = [.. roots] })!;

    [Fact]
    public void ACertificateThePlatformTrustsIsRefusedWhenTheKubeconfigsCaDidNotSignIt()
    {
        using var chain = new X509Chain();
        Assert.False(Check(Pinned.Ca)(this, Other.Server, chain, SslPolicyErrors.None));
    }

    [Fact]
    public void ACertificateTheKubeconfigsCaSignedIsTrustedThoughThePlatformDoesNotKnowTheCa()
    {
        using var chain = new X509Chain();
        Assert.True(Check(Pinned.Ca)(this, Pinned.Server, chain, SslPolicyErrors.RemoteCertificateChainErrors));
        Assert.True(Check(Other.Ca, Pinned.Ca)(this, Pinned.Server, chain, SslPolicyErrors.RemoteCertificateChainErrors));
    }

    [Fact]
    public void ACertificateForAnotherNameIsRefused()
    {
        using var chain = new X509Chain();
        Assert.False(Check(Pinned.Ca)(this, Pinned.Server, chain, SslPolicyErrors.RemoteCertificateNameMismatch | SslPolicyErrors.RemoteCertificateChainErrors));
    }

    [Fact]
    public void AnIntermediateCaInTheKubeconfigIsEnoughTrust()
    {
        using var rootKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using var intermediateKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using var leafKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var now = DateTimeOffset.UtcNow.AddMinutes(-5);
        using var root = Ca("CN=root", rootKey).CreateSelfSigned(now, now.AddDays(2));
        using var intermediate = Ca("CN=intermediate", intermediateKey).Create(root, now, now.AddDays(1), [1]);
        using var intermediateWithKey = intermediate.CopyWithPrivateKey(intermediateKey);
        using var leaf = new CertificateRequest("CN=kube", leafKey, HashAlgorithmName.SHA256).Create(intermediateWithKey, now, now.AddHours(1), [2]);
        using var chain = new X509Chain();

        Assert.True(Check(X509CertificateLoader.LoadCertificate(intermediate.RawData))(this, leaf, chain, SslPolicyErrors.RemoteCertificateChainErrors));
        Assert.False(Check(Pinned.Ca)(this, leaf, chain, SslPolicyErrors.RemoteCertificateChainErrors));
    }

    private static CertificateRequest Ca(string name, ECDsa key)
    {
        var request = new CertificateRequest(name, key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign, true));
        return request;
    }
}
