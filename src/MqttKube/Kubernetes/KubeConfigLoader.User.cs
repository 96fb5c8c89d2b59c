using MqttKube.Configuration.Yaml;

namespace MqttKube.Kubernetes;

internal static partial class KubeConfigLoader
{
    /// <summary>The user's credentials: token or tokenFile, basic, client certificate, exec plugin (run once now).</summary>
    private static KubeSettings WithUser(KubeSettings settings, Entry user, TimeProvider time)
    {
        if (user.Body.Get("auth-provider") is YamlMapping provider)
        {
            throw Error(user.File, provider, $"auth-provider {(provider.Get("name") as YamlScalar)?.Value} is not supported (kubectl dropped it too): use its exec credential plugin");
        }

        var certificate = Pem(user, "client-certificate-data", "client-certificate");
        var key = Pem(user, "client-key-data", "client-key");
        if ((certificate == null) != (key == null))
        {
            throw Error(user.File, user.Name, "a client certificate needs its key, and a key its certificate");
        }

        settings = settings with
        {
            Token = Text(user, "token"),
            TokenSource = Text(user, "tokenFile") is { } tokenFile ? ReadableTokenFile(user, RelativeTo(user.File, tokenFile), time) : null,
            Username = Text(user, "username"),
            Password = Text(user, "password"),
            ClientCertificatePem = certificate,
            ClientKeyPem = key,
        };
        return user.Body.Get("exec") is { } exec and not YamlScalar { IsNull: true } ? WithExec(settings, user, exec, time) : settings;
    }

    private static TokenFile ReadableTokenFile(Entry user, string path, TimeProvider time)
    {
        var tokenFile = new TokenFile(path, time);
        try
        {
            tokenFile.GetTokenAsync(CancellationToken.None).AsTask().GetAwaiter().GetResult();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw Error(user.File, user.Body.Get("tokenFile"), $"tokenFile: {e.Message}");
        }

        return tokenFile;
    }

    /// <summary>Runs the plugin once now, as kubectl would before its first request: a failing plugin stops the start.</summary>
    private static KubeSettings WithExec(KubeSettings settings, Entry user, YamlNode node, TimeProvider time)
    {
        var exec = Exec(user.File, node);
        var plugin = new ExecCredentialPlugin(exec, Path.GetDirectoryName(Path.GetFullPath(user.File)), time);
        ExecCredential credential;
        try
        {
            credential = plugin.RunAsync(CancellationToken.None).GetAwaiter().GetResult();
        }
        catch (KubeConnectionException e)
        {
            throw new KubeConnectionException($"kubeconfig {user.File}: {e.Message}", e);
        }

        return settings with
        {
            Token = null,
            TokenSource = credential.Token != null ? plugin : settings.TokenSource,
            ClientCertificatePem = credential.CertificatePem ?? settings.ClientCertificatePem,
            ClientKeyPem = credential.KeyPem ?? settings.ClientKeyPem,
        };
    }

    private static KubeExec Exec(string file, YamlNode node)
    {
        if (node is not YamlMapping exec)
        {
            throw Error(file, node, "exec is a mapping (command, args, env, apiVersion)");
        }

        var entry = new Entry(file, exec, exec);
        var command = Text(entry, "command") ?? throw Error(file, exec, "exec needs a command");
        var apiVersion = Text(entry, "apiVersion") ?? throw Error(file, exec, "exec needs an apiVersion (client.authentication.k8s.io/v1)");
        var arguments = new List<string>();
        foreach (var argument in List(file, exec, "args"))
        {
            arguments.Add(argument is YamlScalar { IsNull: false } s ? s.Value : throw Error(file, argument, "each of args is a string"));
        }

        var environment = new List<KeyValuePair<string, string>>();
        foreach (var variable in List(file, exec, "env"))
        {
            var pair = variable as YamlMapping;
            if (pair?.Get("name") is not YamlScalar { IsNull: false } name || pair.Get("value") is not YamlScalar value)
            {
                throw Error(file, variable, "each of env is {name, value}");
            }

            environment.Add(new(name.Value, value.IsNull ? "" : value.Value));
        }

        return new KubeExec(command, arguments, environment, apiVersion, Text(entry, "installHint"));
    }

    private static IReadOnlyList<YamlNode> List(string file, YamlMapping mapping, string key) => mapping.Get(key) switch
    {
        null or YamlScalar { IsNull: true } => [],
        YamlSequence sequence => sequence.Items,
        var other => throw Error(file, other, $"{key} is a list"),
    };
}
