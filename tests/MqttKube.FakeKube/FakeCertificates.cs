using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace MqttKube.FakeKube;

/// <summary>A throw-away CA with a server certificate (127.0.0.1, localhost) and a client certificate.</summary>
public sealed class FakeCertificates
{
    private FakeCertificates(X509Certificate2 ca, X509Certificate2 server, X509Certificate2 client, string clientKeyPem)
    {
        Ca = ca;
        Server = server;
        Client = client;
        ClientKeyPem = clientKeyPem;
    }

    public X509Certificate2 Ca { get; }

    public X509Certificate2 Server { get; }

    public X509Certificate2 Client { get; }

    public string CaPem => Ca.ExportCertificatePem();

    public string ClientCertificatePem => Client.ExportCertificatePem();

    public string ClientKeyPem { get; }

    public static FakeCertificates Create(string clientCommonName = "mqtt-kube-test")
    {
        using var caKey = RSA.Create(2048);
        var caReq = new CertificateRequest("CN=fake-kube-ca", caKey, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        caReq.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        caReq.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        caReq.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(caReq.PublicKey, false));
        var now = DateTimeOffset.UtcNow.AddMinutes(-5);
        using var ca = caReq.CreateSelfSigned(now, now.AddDays(2));

        var server = Issue(ca, "CN=fake-kube-apiserver", new Oid("1.3.6.1.5.5.7.3.1"), san: true, out _);
        var client = Issue(ca, $"CN={clientCommonName}, O=system:masters", new Oid("1.3.6.1.5.5.7.3.2"), san: false, out var clientKeyPem);
        return new FakeCertificates(X509CertificateLoader.LoadCertificate(ca.RawData), server, client, clientKeyPem);
    }

    private static X509Certificate2 Issue(X509Certificate2 ca, string subject, Oid usage, bool san, out string keyPem)
    {
        using var key = RSA.Create(2048);
        var req = new CertificateRequest(subject, key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        req.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, false));
        req.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyEncipherment, true));
        req.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([usage], false));
        if (san)
        {
            var names = new SubjectAlternativeNameBuilder();
            names.AddIpAddress(IPAddress.Loopback);
            names.AddDnsName("localhost");
            req.CertificateExtensions.Add(names.Build());
        }

        var serial = RandomNumberGenerator.GetBytes(12);
        serial[0] &= 0x7f;
        using var cert = req.Create(ca, DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddDays(1), serial);
        keyPem = key.ExportPkcs8PrivateKeyPem();
        using var withKey = cert.CopyWithPrivateKey(key);
        return X509CertificateLoader.LoadPkcs12(withKey.Export(X509ContentType.Pkcs12), null);
    }

    /// <summary>True when <paramref name="cert"/> chains to this CA.</summary>
    public bool Issued(X509Certificate2 cert)
    {
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(Ca);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        return chain.Build(cert);
    }
}
