using k8s;
using k8s.KubeConfigModels;

namespace MqttKube.Kubernetes;

/// <summary>
/// Reads kubeconfig files with KubernetesClient.Aot (merged as kubectl does: the first file to define a name wins),
/// except an `exec` credential plugin, which <see cref="ExecCredentialPlugin"/> runs (for clear failures and renewal).
/// </summary>
internal static class KubeConfigLoader
{
    /// <summary>Stands in for the plugin's token while the library reads the user (it wants some credential).</summary>
    private const string ExecPlaceholder = "exec-plugin";

    public static KubernetesClientConfiguration Load(FileInfo[] files, string source, TimeProvider time)
    {
        try
        {
            var merged = KubernetesClientConfiguration.LoadKubeConfig(files[0], useRelativePaths: true);
            foreach (var file in files.Skip(1))
            {
                var next = KubernetesClientConfiguration.LoadKubeConfig(file, useRelativePaths: true);
                merged.CurrentContext = string.IsNullOrEmpty(merged.CurrentContext) ? next.CurrentContext : merged.CurrentContext;
                merged.Clusters = [.. merged.Clusters ?? [], .. (next.Clusters ?? []).Where(c => merged.Clusters?.Any(m => m.Name == c.Name) != true)];
                merged.Users = [.. merged.Users ?? [], .. (next.Users ?? []).Where(c => merged.Users?.Any(m => m.Name == c.Name) != true)];
                merged.Contexts = [.. merged.Contexts ?? [], .. (next.Contexts ?? []).Where(c => merged.Contexts?.Any(m => m.Name == c.Name) != true)];
            }

            var plugin = TakeExecPlugin(merged, time);
            var configuration = KubernetesClientConfiguration.BuildConfigFromConfigObject(merged);
            if (plugin != null)
            {
                UseExecPlugin(configuration, plugin);
            }

            return configuration;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            throw new KubeConnectionException($"{source}: {KubeConnectionFactory.FirstLine(e.Message)}", e);
        }
    }

    /// <summary>Takes the current user's `exec` out of the configuration (the library would run it itself).</summary>
    private static ExecCredentialPlugin? TakeExecPlugin(K8SConfiguration config, TimeProvider time)
    {
        var userName = config.Contexts?.Find(c => string.Equals(c.Name, config.CurrentContext, StringComparison.OrdinalIgnoreCase))?.ContextDetails?.User;
        var user = config.Users?.Find(u => string.Equals(u.Name, userName, StringComparison.OrdinalIgnoreCase))?.UserCredentials;
        if (user?.ExternalExecution is not { } exec)
        {
            return null;
        }

        if (string.IsNullOrWhiteSpace(exec.Command) || string.IsNullOrWhiteSpace(exec.ApiVersion))
        {
            throw new KubeConnectionException($"user {userName}: exec needs a command and an apiVersion");
        }

        user.ExternalExecution = null;
        if (string.IsNullOrWhiteSpace(user.Token))
        {
            user.Token = ExecPlaceholder;
        }

        return new ExecCredentialPlugin(exec, Path.GetDirectoryName(config.FileName), time);
    }

    /// <summary>Runs the plugin once now, as kubectl would before its first request: a failing plugin stops the start.</summary>
    private static void UseExecPlugin(KubernetesClientConfiguration configuration, ExecCredentialPlugin plugin)
    {
        configuration.AccessToken = null;
        var credential = plugin.RunAsync(CancellationToken.None).GetAwaiter().GetResult();
        if (credential.Token != null)
        {
            configuration.TokenProvider = plugin;
        }

        if (credential.CertificatePem != null && credential.KeyPem != null)
        {
            configuration.ClientCertificateData = Base64(credential.CertificatePem);
            configuration.ClientCertificateKeyData = Base64(credential.KeyPem);
            configuration.ClientCertificateFilePath = null;
            configuration.ClientKeyFilePath = null;
        }
    }

    /// <summary>Inline PEM in a configuration is base64 of the text, as in a kubeconfig file.</summary>
    private static string Base64(string pem) => Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(pem));
}
