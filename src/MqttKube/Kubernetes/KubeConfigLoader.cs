using k8s;
using k8s.KubeConfigModels;
using MqttKube.Configuration;
using MqttKube.Configuration.Yaml;

namespace MqttKube.Kubernetes;

/// <summary>
/// Kubeconfig files into KubernetesClient's configuration. The project's YAML reader fills the package's kubeconfig
/// model (<see cref="K8SConfiguration"/>; the package's own YAML deserializer would keep about 1 MB in the
/// executable), merged as kubectl does (the first file to name a cluster, user or context, or to set current-context,
/// wins; the package's merge makes paths relative to the first file) with every path made absolute against the file
/// that names it. The package does the rest (<see cref="KubernetesClientConfiguration.BuildConfigFromConfigObject"/>):
/// it picks the context, cluster and user, takes the server, token, basic auth and client certificate, and runs exec
/// plugins. Ours are what it lacks or gets wrong: `tokenFile`, CA bundles, and how exec plugins start
/// (<see cref="KubeUserCredentials"/>, <see cref="KubeClusterEndpoint"/>, <see cref="Exec"/>). Errors name the file,
/// and the line and column where we read.
/// </summary>
internal static partial class KubeConfigLoader
{
    public static KubernetesClientConfiguration Load(IReadOnlyList<string> files, TimeProvider time)
    {
        var merged = new K8SConfiguration();
        foreach (var file in files)
        {
            Read(file, merged);
        }

        if (string.IsNullOrEmpty(merged.CurrentContext))
        {
            throw Error(files[0], null, "current-context is not set");
        }

        // What the package lacks or gets wrong, for the context it is about to choose: only that user's token file and
        // that cluster's CA are read, as kubectl reads them.
        var context = Selected(merged.Contexts, c => c.Name, merged.CurrentContext)?.ContextDetails;
        var user = Selected(merged.Users, u => u.Name, context?.User)?.UserCredentials as KubeUserCredentials;
        var tokenFile = user?.ReadTokenFile();
        var authorities = (Selected(merged.Clusters, c => c.Name, context?.Cluster)?.ClusterEndpoint as KubeClusterEndpoint)?.Authorities();
        KubernetesClientConfiguration configuration;
        try
        {
            configuration = KubernetesClientConfiguration.BuildConfigFromConfigObject(merged);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            var exec = user?.ExternalExecution;
            var plugin = exec != null && e.Message.StartsWith("external exec", StringComparison.OrdinalIgnoreCase)
                ? $"exec plugin {exec.Command}: " : "";
            var hint = plugin.Length > 0 && exec?.InstallHint is { Length: > 0 } h ? $" ({h.Trim()})" : "";
            throw new KubeConnectionException($"kubeconfig {string.Join(Path.PathSeparator, files)}: {plugin}{KubeConnectionFactory.FirstLine(e.Message)}{hint}", e);
        }

        if (configuration.Host?.StartsWith("https:", StringComparison.OrdinalIgnoreCase) == true)
        {
            configuration.SslCaCerts = authorities;
        }

        if (tokenFile != null && configuration.TokenProvider == null)
        {
            configuration.TokenProvider = new TokenFile(tokenFile, time); // read again as it rotates
        }

        return configuration;
    }

    /// <summary>A cluster, user or context by name as the package finds it (ignoring case).</summary>
    private static T? Selected<T>(List<T> items, Func<T, string> nameOf, string? name)
        where T : class =>
        name == null ? null : items.Find(item => string.Equals(nameOf(item), name, StringComparison.OrdinalIgnoreCase));

    private static void Read(string file, K8SConfiguration merged)
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

        var entry = new Entry(file, config);
        foreach (var (name, body) in Named(entry, "clusters", "cluster"))
        {
            Add(merged.Clusters, name, c => c.Name, () => new Cluster { Name = name, ClusterEndpoint = new KubeClusterEndpoint(body) });
        }

        foreach (var (name, body) in Named(entry, "users", "user"))
        {
            Add(merged.Users, name, u => u.Name, () => new User { Name = name, UserCredentials = new KubeUserCredentials(body) });
        }

        foreach (var (name, body) in Named(entry, "contexts", "context"))
        {
            Add(merged.Contexts, name, c => c.Name, () => new NamedContext
            {
                Name = name,
                ContextDetails = new ContextDetails { Cluster = body.Text("cluster"), User = body.Text("user"), Namespace = body.Text("namespace") },
            });
        }

        merged.CurrentContext ??= entry.Text("current-context");
    }

    /// <summary>kubectl's merge: a name an earlier file gave is kept.</summary>
    private static void Add<T>(List<T> into, string name, Func<T, string> nameOf, Func<T> create)
    {
        if (!into.Exists(item => nameOf(item) == name))
        {
            into.Add(create());
        }
    }

    /// <summary>`clusters: [{name: x, cluster: {...}}]`: each name and body.</summary>
    private static IEnumerable<(string Name, Entry Body)> Named(Entry config, string listKey, string bodyKey)
    {
        var list = config.Body.Get(listKey);
        if (list is not (null or YamlSequence or YamlScalar { IsNull: true }))
        {
            throw Error(config.File, list, $"{listKey} is a list of {{name, {bodyKey}}}");
        }

        foreach (var item in config.List(listKey))
        {
            if (item is not YamlMapping entry || entry.Get("name") is not YamlScalar { IsNull: false } name)
            {
                throw Error(config.File, item, $"each of {listKey} needs a name and a {bodyKey}");
            }

            var body = entry.Get(bodyKey) switch
            {
                YamlMapping mapping => mapping,
                null or YamlScalar { IsNull: true } => new YamlMapping([], name.Position, null),
                var other => throw Error(config.File, other, $"{listKey} {name.Value}: {bodyKey} is a mapping"),
            };
            yield return (name.Value, new Entry(config.File, body));
        }
    }

    internal static KubeConnectionException Error(string file, YamlNode? node, string message) =>
        new(node == null ? $"kubeconfig {file}: {message}" : $"kubeconfig {file}:{node.Position}: {message}");
}
