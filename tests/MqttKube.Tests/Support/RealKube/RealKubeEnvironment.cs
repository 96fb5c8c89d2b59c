namespace MqttKube.Tests.Support.RealKube;

/// <summary>What up.sh wrote to <c>DIR/env</c>: where the API server is and how to authenticate.</summary>
public sealed record RealKubeEnvironment(string Kubeconfig, Uri Server, string Token, string CaFile, string ClientCertFile, string ClientKeyFile, string Version, bool ControllerManager)
{
    /// <summary>Reads the <c>KEY=value</c> lines (values shell-quoted by <c>printf %q</c>).</summary>
    public static RealKubeEnvironment Read(string path)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in File.ReadAllLines(path))
        {
            var equals = line.IndexOf('=', StringComparison.Ordinal);
            if (equals > 0)
            {
                values[line[..equals]] = Unquote(line[(equals + 1)..]);
            }
        }

        string Get(string key) => values.TryGetValue(key, out var v) && v.Length > 0 ? v : throw new InvalidOperationException($"{path} has no {key}");
        return new RealKubeEnvironment(
            Get("KUBECONFIG"),
            new Uri(Get("KUBE_APISERVER_URL")),
            Get("KUBE_TOKEN"),
            Get("KUBE_CA_FILE"),
            Get("KUBE_CLIENT_CERT_FILE"),
            Get("KUBE_CLIENT_KEY_FILE"),
            Get("KUBE_VERSION"),
            values.TryGetValue("KUBE_CONTROLLER_MANAGER_BIN", out var kcm) && kcm.Length > 0);
    }

    private static string Unquote(string value)
    {
        var text = new System.Text.StringBuilder();
        for (var i = 0; i < value.Length; i++)
        {
            if (value[i] == '\\' && i + 1 < value.Length)
            {
                i++;
            }

            text.Append(value[i]);
        }

        return text.ToString();
    }
}
