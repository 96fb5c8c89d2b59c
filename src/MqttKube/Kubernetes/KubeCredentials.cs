using k8s;
using k8s.Authentication;

namespace MqttKube.Kubernetes;

/// <summary>
/// The Authorization header of every request: KubernetesClient's credentials for the configuration
/// (<see cref="k8s.Kubernetes.CreateCredentials"/>: a token provider such as an exec plugin or a rotating token file,
/// asked each time, renewing itself; a bearer token; basic auth). Client certificates are the TLS layer's
/// (<see cref="KubeHttpHandler"/>).
/// </summary>
internal sealed class KubeCredentials(KubernetesClientConfiguration configuration)
{
    private readonly ServiceClientCredentials? credentials = k8s.Kubernetes.CreateCredentials(configuration);
    private readonly bool renews = configuration.TokenProvider != null;
    private readonly SemaphoreSlim refreshing = new(1, 1);

    /// <summary>Sets the header; a token provider's failure (a plugin that fails, a token file gone) is an <see cref="HttpRequestException"/>.</summary>
    public async ValueTask ApplyAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (credentials == null)
        {
            return;
        }

        if (!renews)
        {
            await credentials.ProcessHttpRequestAsync(request, cancellationToken).ConfigureAwait(false);
            return;
        }

        // One renewal at a time: an expired exec credential must not start the plugin once per waiting request.
        await refreshing.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await credentials.ProcessHttpRequestAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            var message = $"no credentials for the Kubernetes API: {KubeConnectionFactory.FirstLine(e.Message)}";
            throw new HttpRequestException(message, new KubeConnectionException(message, e));
        }
        finally
        {
            refreshing.Release();
        }
    }
}
