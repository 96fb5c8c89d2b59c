using System.Net.Http.Headers;
using k8s.Authentication;

namespace MqttKube.Kubernetes;

/// <summary>
/// A bearer token in a file (the projected service-account token, a kubeconfig's `tokenFile`), read again every
/// minute as client-go does (kubelet rotates it); when a re-read fails, the token read before goes on until the next
/// try. The package's TokenFileAuth does the same but fails mid-rotation (a re-read that fails is an error), reads the
/// wall clock (tests move <paramref name="time"/>), and its kubeconfig model has no `tokenFile`.
/// </summary>
internal sealed class TokenFile(string path, TimeProvider? time = null) : ITokenProvider
{
    public static readonly TimeSpan Refresh = TimeSpan.FromMinutes(1);
    private readonly TimeProvider time = time ?? TimeProvider.System;
    private string? token;
    private DateTimeOffset readAt;

    public async Task<AuthenticationHeaderValue> GetAuthenticationHeaderAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (token == null || now - readAt >= Refresh)
        {
            try
            {
                token = Configuration.InputFile.ReadText(path, 1 << 20).Trim();
            }
            catch (Exception e) when (token != null && e is IOException or UnauthorizedAccessException)
            {
                // keep the previous token
            }

            readAt = now;
        }

        return new AuthenticationHeaderValue("Bearer", token);
    }
}
