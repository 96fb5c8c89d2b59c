using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using MqttKube.Configuration;

namespace MqttKube.Mqtt;

/// <summary>Certificate loading and broker certificate verification.</summary>
internal static class MqttTls
{
    /// <summary>Loads every certificate of a PEM file (a CA bundle).</summary>
    public static X509Certificate2Collection LoadCaFile(string path)
    {
        var roots = new X509Certificate2Collection();
        roots.ImportFromPem(InputFile.ReadText(path));
        if (roots.Count == 0)
        {
            throw new InvalidDataException($"no certificate found in CA file '{path}'");
        }

        return roots;
    }

    /// <summary>
    /// Loads a client certificate with its private key from PEM files (the key may be an encrypted PKCS#8 key when
    /// <paramref name="keyPassword"/> is given). The result is re-imported from PKCS#12 so the key is usable by
    /// <see cref="SslStream"/> for client authentication on every platform. The files are read as every input file is
    /// (<see cref="InputFile"/>), never opened by the crypto library.
    /// </summary>
    public static X509Certificate2 LoadClientCertificate(string certFile, string keyFile, string? keyPassword)
    {
        var certificate = InputFile.ReadText(certFile);
        var key = InputFile.ReadText(keyFile);
        using var pem = keyPassword is null
            ? X509Certificate2.CreateFromPem(certificate, key)
            : X509Certificate2.CreateFromEncryptedPem(certificate, key, keyPassword);
        return X509CertificateLoader.LoadPkcs12(pem.Export(X509ContentType.Pkcs12), null);
    }

    /// <summary>
    /// Verifies the broker certificate: with <paramref name="roots"/>, the chain must end in one of them (custom root
    /// trust, no revocation check) and the host name must match; without, the platform's verdict stands.
    /// </summary>
    /// <returns>Null when valid, else the reason.</returns>
    public static string? Verify(X509Certificate? certificate, X509Chain? presentedChain, SslPolicyErrors errors, X509Certificate2Collection? roots)
    {
        if (certificate is null || (errors & SslPolicyErrors.RemoteCertificateNotAvailable) != 0)
        {
            return "the broker presented no certificate";
        }

        if ((errors & SslPolicyErrors.RemoteCertificateNameMismatch) != 0)
        {
            return "the broker certificate does not match the host name";
        }

        if (roots is null)
        {
            return errors == SslPolicyErrors.None ? null : $"the broker certificate is not trusted ({errors})";
        }

        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.AddRange(roots);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        if (presentedChain is not null)
        {
            foreach (var element in presentedChain.ChainElements)
            {
                chain.ChainPolicy.ExtraStore.Add(element.Certificate);
            }
        }

        var leaf = certificate as X509Certificate2 ?? X509CertificateLoader.LoadCertificate(certificate.GetRawCertData());
        if (chain.Build(leaf))
        {
            return null;
        }

        var reasons = chain.ChainStatus.Select(s => s.Status.ToString()).Distinct();
        return $"the broker certificate is not signed by the configured CA ({string.Join(", ", reasons)})";
    }
}
