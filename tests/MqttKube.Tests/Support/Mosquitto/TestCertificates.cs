using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace MqttKube.Tests.Support.Mosquitto;

/// <summary>
/// A throw-away PKI written as PEM files: a test CA, a broker certificate for 127.0.0.1/localhost signed by it, a
/// client certificate (CN <see cref="ClientCommonName"/>) with a plain and an encrypted PKCS#8 key, and an unrelated
/// CA for mismatch tests.
/// </summary>
public sealed class TestCertificates
{
    public const string ClientCommonName = "kube-client";
    public const string KeyPassword = "key-pass-123";

    private TestCertificates(string directory)
    {
        CaFile = Path.Combine(directory, "ca.crt");
        ServerCertFile = Path.Combine(directory, "server.crt");
        ServerKeyFile = Path.Combine(directory, "server.key");
        ClientCertFile = Path.Combine(directory, "client.crt");
        ClientKeyFile = Path.Combine(directory, "client.key");
        ClientEncryptedKeyFile = Path.Combine(directory, "client-encrypted.key");
        OtherCaFile = Path.Combine(directory, "other-ca.crt");
    }

    public string CaFile { get; }
    public string ServerCertFile { get; }
    public string ServerKeyFile { get; }
    public string ClientCertFile { get; }
    public string ClientKeyFile { get; }
    public string ClientEncryptedKeyFile { get; }
    public string OtherCaFile { get; }

    public static TestCertificates Create(string directory)
    {
        var files = new TestCertificates(directory);
        var now = DateTimeOffset.UtcNow.AddMinutes(-5);
        using var caKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using var ca = CreateCa("mqtt-kube test CA", caKey, now);
        File.WriteAllText(files.CaFile, ca.ExportCertificatePem() + "\n");

        using var otherKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using var other = CreateCa("unrelated test CA", otherKey, now);
        File.WriteAllText(files.OtherCaFile, other.ExportCertificatePem() + "\n");

        var san = new SubjectAlternativeNameBuilder();
        san.AddIpAddress(IPAddress.Loopback);
        san.AddDnsName("localhost");
        using var serverKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using var server = CreateLeaf("CN=localhost", serverKey, ca, now, "1.3.6.1.5.5.7.3.1", san.Build(), 2);
        File.WriteAllText(files.ServerCertFile, server.ExportCertificatePem() + "\n");
        File.WriteAllText(files.ServerKeyFile, serverKey.ExportPkcs8PrivateKeyPem() + "\n");

        using var clientKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using var client = CreateLeaf("CN=" + ClientCommonName, clientKey, ca, now, "1.3.6.1.5.5.7.3.2", null, 3);
        File.WriteAllText(files.ClientCertFile, client.ExportCertificatePem() + "\n");
        File.WriteAllText(files.ClientKeyFile, clientKey.ExportPkcs8PrivateKeyPem() + "\n");
        var pbe = new PbeParameters(PbeEncryptionAlgorithm.Aes256Cbc, HashAlgorithmName.SHA256, 10_000);
        File.WriteAllText(files.ClientEncryptedKeyFile, clientKey.ExportEncryptedPkcs8PrivateKeyPem(KeyPassword, pbe) + "\n");
        return files;
    }

    private static X509Certificate2 CreateCa(string name, ECDsa key, DateTimeOffset now)
    {
        var request = new CertificateRequest("CN=" + name, key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        return request.CreateSelfSigned(now, now.AddDays(2));
    }

    private static X509Certificate2 CreateLeaf(
        string subject, ECDsa key, X509Certificate2 ca, DateTimeOffset now, string usageOid, X509Extension? san, byte serial)
    {
        var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyAgreement, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid(usageOid)], false));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(ca, true, false));
        if (san is not null)
        {
            request.CertificateExtensions.Add(san);
        }

        return request.Create(ca, now, now.AddDays(1), [serial, (byte)Random.Shared.Next(256)]);
    }
}
