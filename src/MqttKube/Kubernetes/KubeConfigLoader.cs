using System.Security.Cryptography.X509Certificates;
using MqttKube.Configuration;
using MqttKube.Configuration.Yaml;

namespace MqttKube.Kubernetes;

/// <summary>
/// Reads kubeconfig files as kubectl does: several files merge (the first to define a cluster, user or context name,
/// or current-context, wins); paths are relative to the file that names them. Errors name the file, and the line and
/// column where there is one.
/// </summary>
internal static partial class KubeConfigLoader
{
    /// <summary>A named cluster, user or context: its body and the file it came from.</summary>
    private sealed record Entry(string File, YamlMapping Body, YamlNode Name);

    private sealed class Merged
    {
        public Dictionary<string, Entry> Clusters { get; } = new(StringComparer.Ordinal);

        public Dictionary<string, Entry> Users { get; } = new(StringComparer.Ordinal);

        public Dictionary<string, Entry> Contexts { get; } = new(StringComparer.Ordinal);

        public (string Name, string File, YamlNode Node)? CurrentContext { get; set; }
    }

    public static KubeSettings Load(IReadOnlyList<string> files, TimeProvider time)
    {
        var merged = new Merged();
        foreach (var file in files)
        {
            Read(file, merged);
        }

        if (merged.CurrentContext is not { } current)
        {
            throw Error(files[0], null, "current-context is not set");
        }

        if (!merged.Contexts.TryGetValue(current.Name, out var context))
        {
            throw Error(current.File, current.Node, $"current-context {current.Name} is not among the contexts");
        }

        var clusterName = Text(context, "cluster") ?? throw Error(context.File, context.Name, $"context {current.Name} names no cluster");
        if (!merged.Clusters.TryGetValue(clusterName, out var cluster))
        {
            throw Error(context.File, context.Body.Get("cluster"), $"cluster {clusterName} is not among the clusters");
        }

        var server = Text(cluster, "server");
        if (!Uri.TryCreate(server, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            throw Error(cluster.File, cluster.Body.Get("server") ?? cluster.Name, $"cluster {clusterName}: server is not an http(s) URL: {server}");
        }

        var settings = new KubeSettings
        {
            Server = uri,
            Namespace = Text(context, "namespace"),
            CaCertificates = uri.Scheme == Uri.UriSchemeHttps ? CaCertificates(cluster) : null,
            SkipTlsVerify = cluster.Body.Get("insecure-skip-tls-verify") is YamlScalar { Kind: YamlScalarKind.Bool, Bool: true },
            TlsServerName = Text(cluster, "tls-server-name"),
        };
        if (Text(context, "user") is not { } userName)
        {
            return settings; // anonymous, as kubectl allows
        }

        return merged.Users.TryGetValue(userName, out var user)
            ? WithUser(settings, user, time)
            : throw Error(context.File, context.Body.Get("user"), $"user {userName} is not among the users");
    }

    private static void Read(string file, Merged merged)
    {
        if (Configuration.InputFile.Problem(file) is { } special)
        {
            throw new KubeConnectionException($"kubeconfig {file}: {special}");
        }

        string text;
        try
        {
            text = Configuration.InputFile.ReadText(file);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw Error(file, null, $"cannot read it: {e.Message}");
        }

        var diagnostics = new DiagnosticBag();
        var root = YamlReader.Read(text, file, diagnostics);
        if (diagnostics.Sorted().FirstOrDefault() is { } problem)
        {
            throw new KubeConnectionException($"kubeconfig {problem.File}:{problem.Position}: {problem.Message}");
        }

        if (root is YamlScalar { IsNull: true })
        {
            return; // an empty file, as kubectl takes it
        }

        if (root is not YamlMapping config)
        {
            throw Error(file, root, "a kubeconfig is a mapping (apiVersion, clusters, users, contexts, current-context)");
        }

        Named(file, config, "clusters", "cluster", merged.Clusters);
        Named(file, config, "users", "user", merged.Users);
        Named(file, config, "contexts", "context", merged.Contexts);
        if (merged.CurrentContext == null && config.Get("current-context") is YamlScalar { IsNull: false, Value: { Length: > 0 } name } node)
        {
            merged.CurrentContext = (name, file, node);
        }
    }

    /// <summary>`clusters: [{name: x, cluster: {...}}]` into <paramref name="into"/>, unless an earlier file named it.</summary>
    private static void Named(string file, YamlMapping config, string listKey, string bodyKey, Dictionary<string, Entry> into)
    {
        var list = config.Get(listKey);
        if (list is null or YamlScalar { IsNull: true })
        {
            return;
        }

        if (list is not YamlSequence items)
        {
            throw Error(file, list, $"{listKey} is a list of {{name, {bodyKey}}}");
        }

        foreach (var item in items.Items)
        {
            if (item is not YamlMapping entry || entry.Get("name") is not YamlScalar { IsNull: false } name)
            {
                throw Error(file, item, $"each of {listKey} needs a name and a {bodyKey}");
            }

            var body = entry.Get(bodyKey) switch
            {
                YamlMapping mapping => mapping,
                null or YamlScalar { IsNull: true } => new YamlMapping([], name.Position, null),
                var other => throw Error(file, other, $"{listKey} {name.Value}: {bodyKey} is a mapping"),
            };
            into.TryAdd(name.Value, new Entry(file, body, name));
        }
    }

    private static X509Certificate2Collection? CaCertificates(Entry cluster)
    {
        var pem = Pem(cluster, "certificate-authority-data", "certificate-authority");
        if (pem == null)
        {
            return null;
        }

        var certificates = new X509Certificate2Collection();
        try
        {
            certificates.ImportFromPem(pem);
        }
        catch (System.Security.Cryptography.CryptographicException e)
        {
            throw Error(cluster.File, cluster.Name, $"the certificate authority is not PEM: {e.Message}");
        }

        return certificates.Count > 0 ? certificates : throw Error(cluster.File, cluster.Name, "the certificate authority holds no PEM certificate");
    }

    /// <summary>The PEM text of inline data (base64, as kubeconfigs carry it) or of a file (relative to the kubeconfig).</summary>
    private static string? Pem(Entry entry, string dataKey, string fileKey)
    {
        if (Text(entry, dataKey) is { } data)
        {
            try
            {
                return System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(data));
            }
            catch (FormatException)
            {
                throw Error(entry.File, entry.Body.Get(dataKey), $"{dataKey} is not base64");
            }
        }

        if (Text(entry, fileKey) is not { } path)
        {
            return null;
        }

        try
        {
            return Configuration.InputFile.ReadText(RelativeTo(entry.File, path));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw Error(entry.File, entry.Body.Get(fileKey), $"{fileKey}: {e.Message}");
        }
    }

    private static string RelativeTo(string kubeconfig, string path) =>
        Path.IsPathRooted(path) ? path : Path.Combine(Path.GetDirectoryName(Path.GetFullPath(kubeconfig)) ?? "", path);

    private static string? Text(Entry entry, string key) =>
        entry.Body.Get(key) is YamlScalar { IsNull: false, Value: { Length: > 0 } value } ? value : null;

    private static KubeConnectionException Error(string file, YamlNode? node, string message) =>
        new(node == null ? $"kubeconfig {file}: {message}" : $"kubeconfig {file}:{node.Position}: {message}");
}
