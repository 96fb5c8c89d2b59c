using System.Net;
using k8s;

namespace MqttKube.Kubernetes;

/// <summary>
/// Finds the configuration as the seed and kubectl do: `KUBECONFIG` (a path list, merged), else in-cluster (service
/// account), else `~/.kube/config`. Failures become <see cref="KubeConnectionException"/> with a clear message.
/// </summary>
internal static class KubeConnectionFactory
{
    public static KubeConnection Create(KubeEnvironment? environment = null)
    {
        var env = environment ?? KubeEnvironment.Process;
        var (configuration, source) = Load(env);
        var proxy = ProxyFor(env, KubeConnection.ServerOf(configuration, source).AbsoluteUri);
        try
        {
            return new KubeConnection(configuration, source, proxy);
        }
        catch (Exception e) when (e is System.Security.Cryptography.CryptographicException or ArgumentException or FormatException or IOException)
        {
            throw new KubeConnectionException($"{source}: the client certificate or key is not usable: {FirstLine(e.Message)}", e);
        }
    }

    private static (KubernetesClientConfiguration, string) Load(KubeEnvironment env)
    {
        if (env.GetVariable("KUBECONFIG") is { Length: > 0 } list)
        {
            var paths = list.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            var existing = paths.Where(File.Exists).Select(p => new FileInfo(p)).ToArray();
            if (existing.Length == 0)
            {
                throw new KubeConnectionException($"KUBECONFIG names no existing file: {list}");
            }

            var source = $"kubeconfig {string.Join(Path.PathSeparator, existing.Select(f => f.FullName))}";
            return (KubeConfigLoader.Load([.. existing.Select(f => f.FullName)], env.Time), source);
        }

        var tokenPath = Path.Combine(env.ServiceAccountDirectory, "token");
        if (env.GetVariable("KUBERNETES_SERVICE_HOST") is { Length: > 0 } host
            && env.GetVariable("KUBERNETES_SERVICE_PORT") is { Length: > 0 } port && File.Exists(tokenPath))
        {
            return (InCluster(env, host, port), "in-cluster");
        }

        var home = env.HomeDirectory is { Length: > 0 } h ? Path.Combine(h, ".kube", "config") : null;
        if (home != null && File.Exists(home))
        {
            var source = $"kubeconfig {home}";
            return (KubeConfigLoader.Load([home], env.Time), source);
        }

        throw new KubeConnectionException(
            "no Kubernetes configuration found: KUBECONFIG is not set, this is not a pod (KUBERNETES_SERVICE_HOST/PORT and a service-account token), and "
            + (home ?? "~/.kube/config") + " does not exist");
    }

    /// <summary>
    /// The package's <see cref="KubernetesClientConfiguration.InClusterConfig"/> as it builds it, but from
    /// <see cref="KubeEnvironment"/> (the package reads the process's variables and a fixed folder) and with our
    /// <see cref="TokenFile"/> (see there why).
    /// </summary>
    private static KubernetesClientConfiguration InCluster(KubeEnvironment env, string host, string port)
    {
        try
        {
            var caPath = Path.Combine(env.ServiceAccountDirectory, "ca.crt");
            var nsPath = Path.Combine(env.ServiceAccountDirectory, "namespace");
            return new KubernetesClientConfiguration
            {
                Host = new UriBuilder("https", host, int.Parse(port, System.Globalization.CultureInfo.InvariantCulture)).Uri.AbsoluteUri,
                TokenProvider = new TokenFile(Path.Combine(env.ServiceAccountDirectory, "token"), env.Time),
                SslCaCerts = File.Exists(caPath) ? LoadPem(caPath) : null,
                Namespace = File.Exists(nsPath) ? Configuration.InputFile.ReadText(nsPath).Trim() : null,
            };
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            throw new KubeConnectionException($"in-cluster configuration ({env.ServiceAccountDirectory}): {FirstLine(e.Message)}", e);
        }
    }

    private static System.Security.Cryptography.X509Certificates.X509Certificate2Collection LoadPem(string path)
    {
        var certificates = new System.Security.Cryptography.X509Certificates.X509Certificate2Collection();
        certificates.ImportFromPemFile(path);
        return certificates;
    }

    /// <summary>
    /// The first line of a message, without the exception type names that KubernetesClient's messages carry (it puts
    /// exceptions' ToString() in them: "external exec failed due to …: k8s.Exceptions.KubeConfigException: why").
    /// </summary>
    internal static string FirstLine(string text)
    {
        const string Marker = "Exception: ";
        var line = text.Split('\n')[0].Trim();
        for (int at; (at = line.IndexOf(Marker, StringComparison.Ordinal)) > 0;)
        {
            var start = line.LastIndexOf(' ', at) + 1;
            line = line.Remove(start, at + Marker.Length - start);
        }

        return line;
    }

    /// <summary>The proxy for the API server as curl and kubectl choose it: HTTPS_PROXY/HTTP_PROXY, minus NO_PROXY.</summary>
    internal static IWebProxy? ProxyFor(KubeEnvironment env, string server)
    {
        if (!Uri.TryCreate(server, UriKind.Absolute, out var target))
        {
            return null;
        }

        string? Var(string name) => env.GetVariable(name) is { Length: > 0 } v ? v : env.GetVariable(name.ToLowerInvariant()) is { Length: > 0 } l ? l : null;
        var proxy = target.Scheme == Uri.UriSchemeHttps ? Var("HTTPS_PROXY") : Var("HTTP_PROXY");
        if (proxy == null || Bypassed(Var("NO_PROXY"), target.Host))
        {
            return null;
        }

        if (!proxy.Contains("://", StringComparison.Ordinal))
        {
            proxy = "http://" + proxy;
        }

        return Uri.TryCreate(proxy, UriKind.Absolute, out var proxyUri)
            ? new WebProxy(proxyUri) { Credentials = ProxyCredentials(proxyUri) }
            : throw new KubeConnectionException($"the proxy address is not a URL: {proxy}");
    }

    private static NetworkCredential? ProxyCredentials(Uri proxy)
    {
        if (proxy.UserInfo.Length == 0)
        {
            return null;
        }

        var parts = proxy.UserInfo.Split(':', 2);
        return new NetworkCredential(Uri.UnescapeDataString(parts[0]), parts.Length > 1 ? Uri.UnescapeDataString(parts[1]) : "");
    }

    private static bool Bypassed(string? noProxy, string host)
    {
        if (noProxy == null)
        {
            return false;
        }

        host = host.Trim('[', ']');
        foreach (var raw in noProxy.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var entry = raw.Split(':')[0].TrimStart('*');
            if (raw == "*" || host.Equals(entry.TrimStart('.'), StringComparison.OrdinalIgnoreCase)
                || (entry.Length > 0 && host.EndsWith(entry.StartsWith('.') ? entry : "." + entry, StringComparison.OrdinalIgnoreCase))
                || (IPNetwork.TryParse(raw, out var net) && IPAddress.TryParse(host, out var ip) && net.Contains(ip)))
            {
                return true;
            }
        }

        return false;
    }
}
