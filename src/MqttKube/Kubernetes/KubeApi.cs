using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace MqttKube.Kubernetes;

/// <summary>JSON requests over an <see cref="IKubeTransport"/>: errors become <see cref="KubeApiException"/>.</summary>
internal sealed class KubeApi(IKubeTransport transport)
{
    /// <summary>The field manager every write names.</summary>
    public const string FieldManager = "mqtt-kube";

    public IKubeTransport Transport { get; } = transport;

    /// <summary>Time allowed for one non-watch request.</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(30);

    public async Task<JsonNode> SendAsync(HttpMethod method, string pathAndQuery, JsonNode? body, string? contentType, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, new Uri(pathAndQuery, UriKind.Relative));
        request.Headers.Accept.ParseAdd("application/json");
        if (body != null)
        {
            request.Content = new StringContent(body.ToJsonString(), Encoding.UTF8);
            request.Content.Headers.ContentType = new MediaTypeHeaderValue(contentType ?? "application/json");
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(RequestTimeout);
        try
        {
            using var response = await Transport.SendAsync(request, HttpCompletionOption.ResponseContentRead, timeout.Token).ConfigureAwait(false);
            var text = await response.Content.ReadAsStringAsync(timeout.Token).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                throw KubeApiException.FromResponse(response.StatusCode, text);
            }

            return JsonNode.Parse(text) ?? throw new KubeApiException((int)response.StatusCode, "InvalidResponse", $"{method} {pathAndQuery}: empty response");
        }
        catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw new KubeApiException(0, "Timeout", $"{method} {pathAndQuery}: no answer from {Transport.BaseUri} within {RequestTimeout.TotalSeconds:0} s", e);
        }
        catch (HttpRequestException e)
        {
            throw Unreachable(e);
        }
        catch (System.Text.Json.JsonException e)
        {
            throw new KubeApiException(0, "InvalidResponse", $"{method} {pathAndQuery}: the answer is not JSON ({e.Message})", e);
        }
    }

    public Task<JsonNode> GetAsync(string pathAndQuery, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Get, pathAndQuery, null, null, cancellationToken);

    public KubeApiException Unreachable(Exception e) =>
        new(0, "Unreachable", $"cannot reach the Kubernetes API at {Transport.BaseUri}: {Innermost(e).Message}", e);

    private static Exception Innermost(Exception e) => e.InnerException is { } inner && e is HttpRequestException ? Innermost(inner) : e;

    public static string Query(params (string Key, string? Value)[] parameters)
    {
        var parts = parameters.Where(p => !string.IsNullOrEmpty(p.Value)).Select(p => $"{p.Key}={Uri.EscapeDataString(p.Value!)}").ToList();
        return parts.Count == 0 ? "" : "?" + string.Join('&', parts);
    }
}
