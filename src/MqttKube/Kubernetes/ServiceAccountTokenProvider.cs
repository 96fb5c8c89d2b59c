using System.Net.Http.Headers;
using k8s.Authentication;

namespace MqttKube.Kubernetes;

/// <summary>
/// Reads the projected service-account token, again every minute (kubelet rotates it), as client-go does; when a
/// re-read fails, the token read before is used until the next try.
/// </summary>
internal sealed class ServiceAccountTokenProvider(string tokenPath, TimeProvider? time = null) : ITokenProvider
{
    public static readonly TimeSpan Refresh = TimeSpan.FromMinutes(1);
    private readonly TimeProvider _time = time ?? TimeProvider.System;
    private string? _token;
    private DateTimeOffset _readAt;

    public async Task<AuthenticationHeaderValue> GetAuthenticationHeaderAsync(CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow();
        if (_token == null || now - _readAt >= Refresh)
        {
            try
            {
                _token = (await File.ReadAllTextAsync(tokenPath, cancellationToken).ConfigureAwait(false)).Trim();
            }
            catch (Exception e) when (_token != null && e is IOException or UnauthorizedAccessException)
            {
                // keep the previous token
            }

            _readAt = now;
        }

        return new AuthenticationHeaderValue("Bearer", _token);
    }
}
