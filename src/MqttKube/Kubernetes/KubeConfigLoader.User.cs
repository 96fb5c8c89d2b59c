using k8s.KubeConfigModels;
using MqttKube.Configuration.Yaml;

namespace MqttKube.Kubernetes;

internal static partial class KubeConfigLoader
{
    /// <summary>A user's credentials in the package's model, with `tokenFile`, which the model lacks.</summary>
    private sealed class KubeUserCredentials : UserCredentials
    {
        private readonly Entry user;

        public KubeUserCredentials(Entry user)
        {
            this.user = user;
            if (user.Body.Get("auth-provider") is YamlMapping provider)
            {
                throw Error(user.File, provider, $"auth-provider {(provider.Get("name") as YamlScalar)?.Value} is not supported (kubectl dropped it too): use its exec credential plugin");
            }

            Token = user.Text("token");
            UserName = user.Text("username");
            Password = user.Text("password");
            ClientCertificate = user.PathOf("client-certificate");
            ClientCertificateData = user.Text("client-certificate-data");
            ClientKey = user.PathOf("client-key");
            ClientKeyData = user.Text("client-key-data");
            ExternalExecution = user.Body.Get("exec") is { } exec and not YamlScalar { IsNull: true } ? Exec(user.File, exec) : null;
        }

        /// <summary>
        /// Reads `tokenFile` once, when there is no `token` (which wins, as in kubectl), so that a missing file stops
        /// the start and the package sees a token; returns its path, to be read again as it rotates.
        /// </summary>
        public string? ReadTokenFile()
        {
            if (Token != null || user.PathOf("tokenFile") is not { } path)
            {
                return null;
            }

            try
            {
                Token = Configuration.InputFile.ReadText(path).Trim();
                return path;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw Error(user.File, user.Body.Get("tokenFile"), $"tokenFile: {e.Message}");
            }
        }
    }
}
