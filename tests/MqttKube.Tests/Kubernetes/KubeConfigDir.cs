using System.Text;
using MqttKube.Kubernetes;

namespace MqttKube.Tests.Kubernetes;

/// <summary>A temporary folder for kubeconfigs, certificates, tokens and plugins, and a <see cref="KubeEnvironment"/> on it.</summary>
internal sealed class KubeConfigDir : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("mqtt-kube-kubeconfig").FullName;

    public void Dispose() => Directory.Delete(Path, recursive: true);

    public static string B64(string text) => Convert.ToBase64String(Encoding.UTF8.GetBytes(text));

    public string Write(string name, string text)
    {
        var path = System.IO.Path.Combine(Path, name);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }

    /// <summary>A kubeconfig with one context `test` (namespace `media`); the extra lines are indented by the caller.</summary>
    public string KubeConfig(string server, string clusterExtra, string user) => Write("config", $"""
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

    public KubeEnvironment Env(params (string Key, string Value)[] vars) =>
        new(name => vars.FirstOrDefault(v => v.Key == name).Value, System.IO.Path.Combine(Path, "home"), System.IO.Path.Combine(Path, "sa"));
}
