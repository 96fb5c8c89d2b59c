using System.Net.Http.Headers;
using System.Text;

namespace MqttKube.Kubernetes;

/// <summary>
/// The Authorization header of every request, from the settings: a token source (exec plugin, a rotating token file:
/// asked each time, it renews itself), a bearer token, or basic auth. Client certificates
/// are the TLS layer's (<see cref="KubeHttpHandler"/>).
/// </summary>
internal sealed class KubeCredentials
{
    private readonly IBearerTokenSource? _source;
    private readonly AuthenticationHeaderValue? _fixed;
    private readonly SemaphoreSlim _refreshing = new(1, 1);

    private KubeCredentials(IBearerTokenSource? source, AuthenticationHeaderValue? header)
    {
        _source = source;
        _fixed = header;
    }

    public static KubeCredentials From(KubeSettings settings) =>
        settings.TokenSource is { } source ? new(source, null)
        : !string.IsNullOrEmpty(settings.Token) ? new(null, new AuthenticationHeaderValue("Bearer", settings.Token))
        : !string.IsNullOrEmpty(settings.Username) ? new(null, new AuthenticationHeaderValue("Basic",
            Convert.ToBase64String(Encoding.UTF8.GetBytes($"{settings.Username}:{settings.Password}"))))
        : new(null, null);

    /// <summary>Sets the header; a token source's failure (a plugin that fails, a token file gone) is an <see cref="HttpRequestException"/>.</summary>
    public async ValueTask ApplyAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (_source == null)
        {
            request.Headers.Authorization = _fixed;
            return;
        }

        // One refresh at a time: an expired exec credential must not start the plugin once per waiting request.
        await _refreshing.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await _source.GetTokenAsync(cancellationToken).ConfigureAwait(false));
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            var message = $"no credentials for the Kubernetes API: {KubeConnectionFactory.FirstLine(e.Message)}";
            throw new HttpRequestException(message, new KubeConnectionException(message, e));
        }
        finally
        {
            _refreshing.Release();
        }
    }
}
