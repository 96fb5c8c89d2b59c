using System.Net.Http.Headers;
using k8s.Authentication;

namespace MqttKube.Kubernetes;

/// <summary>Reads the projected service-account token, again every minute (kubelet rotates it).</summary>
internal sealed class ServiceAccountTokenProvider(string tokenPath) : ITokenProvider
{
    private static readonly TimeSpan Refresh = TimeSpan.FromMinutes(1);
    private string? _token;
    private DateTime _readAt;

    public async Task<AuthenticationHeaderValue> GetAuthenticationHeaderAsync(CancellationToken cancellationToken)
    {
        if (_token == null || DateTime.UtcNow - _readAt > Refresh)
        {
            _token = (await File.ReadAllTextAsync(tokenPath, cancellationToken).ConfigureAwait(false)).Trim();
            _readAt = DateTime.UtcNow;
        }

        return new AuthenticationHeaderValue("Bearer", _token);
    }
}
