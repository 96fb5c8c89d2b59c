using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using k8s.KubeConfigModels;
using MqttKube.Configuration.Yaml;

namespace MqttKube.Kubernetes;

internal static partial class KubeConfigLoader
{
    /// <summary>A mapping of a kubeconfig file: its strings, its paths (made absolute against the file), its lists.</summary>
    private sealed record Entry(string File, YamlMapping Body)
    {
        public string? Text(string key) =>
            Body.Get(key) is YamlScalar { IsNull: false, Value: { Length: > 0 } value } ? value : null;

        public string? PathOf(string key) => Text(key) is { } path ? RelativeTo(File, path) : null;

        public IReadOnlyList<YamlNode> List(string key) => Body.Get(key) switch
        {
            null or YamlScalar { IsNull: true } => [],
            YamlSequence sequence => sequence.Items,
            var other => throw Error(File, other, $"{key} is a list"),
        };
    }

    private static string RelativeTo(string kubeconfig, string path) =>
        Path.IsPathRooted(path) ? path : Path.GetFullPath(Path.Combine(Path.GetDirectoryName(Path.GetFullPath(kubeconfig)) ?? "", path));

    /// <summary>The package names a context in some of its messages by its text: its name.</summary>
    private sealed class NamedContext : Context
    {
        public override string ToString() => Name;
    }

    /// <summary>
    /// A cluster in the package's model, but for its certificate authority: the package loads one certificate and
    /// refuses a PEM bundle (ASN1 corrupted data), as kubeconfigs carry them during a CA rotation; kubectl trusts each.
    /// </summary>
    private sealed class KubeClusterEndpoint : ClusterEndpoint
    {
        private readonly Entry cluster;

        public KubeClusterEndpoint(Entry cluster)
        {
            this.cluster = cluster;
            Server = cluster.Text("server");
            TlsServerName = cluster.Text("tls-server-name");
            SkipTlsVerify = cluster.Body.Get("insecure-skip-tls-verify") is YamlScalar { Kind: YamlScalarKind.Bool, Bool: true };
        }

        /// <summary>Every certificate of `certificate-authority-data` (base64 of the PEM text) or of the `certificate-authority` file.</summary>
        public X509Certificate2Collection? Authorities()
        {
            var (file, key, node) = (cluster.File, "certificate-authority-data", cluster.Body.Get("certificate-authority-data"));
            string pem;
            try
            {
                if (cluster.Text(key) is { } data)
                {
                    pem = System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(data));
                }
                else if (cluster.PathOf(key = "certificate-authority") is { } path)
                {
                    node = cluster.Body.Get(key);
                    pem = Configuration.InputFile.ReadText(path);
                }
                else
                {
                    return null;
                }

                var certificates = new X509Certificate2Collection();
                certificates.ImportFromPem(pem);
                return certificates.Count > 0 ? certificates : throw Error(file, node, $"{key} holds no PEM certificate");
            }
            catch (Exception e) when (e is FormatException or IOException or UnauthorizedAccessException or CryptographicException)
            {
                throw Error(file, node, e is FormatException ? $"{key} is not base64" : $"{key}: {e.Message}");
            }
        }
    }
}
