using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using MqttKube.JsonPath;

namespace MqttKube.Kubernetes;

/// <summary>JSON requests over an <see cref="IKubeTransport"/>: errors become <see cref="KubeApiException"/>.</summary>
internal sealed class KubeApi(IKubeTransport transport)
{
    /// <summary>The field manager every write names.</summary>
    public const string FieldManager = "mqtt-kube";

    public IKubeTransport Transport { get; } = transport;

    /// <summary>Time allowed for one non-watch request.</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// The nesting limit for an answer: an object may be nested as deep as the API server stores
    /// (<see cref="JsonInput.MaxDepth"/>), and a list wraps it in two more levels.
    /// </summary>
    private const int AnswerDepth = JsonInput.MaxDepth + 2;

    public Task<JsonNode> SendAsync(HttpMethod method, string pathAndQuery, JsonNode? body, string? contentType, CancellationToken cancellationToken) =>
        SendAsync(method, pathAndQuery, body, contentType, "application/json", cancellationToken);

    /// <summary>A GET whose answer may take one of the forms <paramref name="accept"/> lists (discovery's aggregated form).</summary>
    public Task<JsonNode> GetAsync(string pathAndQuery, string accept, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Get, pathAndQuery, null, null, accept, cancellationToken);

    private async Task<JsonNode> SendAsync(HttpMethod method, string pathAndQuery, JsonNode? body, string? contentType, string accept, CancellationToken cancellationToken)
    {
        var answer = await SendRawAsync(method, pathAndQuery, body, contentType, accept, cancellationToken).ConfigureAwait(false);
        if (!JsonInput.TryParse(answer, AnswerDepth, out var node, out var error))
        {
            throw new KubeApiException(0, "InvalidResponse", $"{method} {pathAndQuery}: the answer is not JSON ({error})");
        }

        return node ?? throw new KubeApiException(0, "InvalidResponse", $"{method} {pathAndQuery}: empty response");
    }

    /// <summary>The body of a successful GET, unparsed (a list is read item by item).</summary>
    public Task<byte[]> GetBytesAsync(string pathAndQuery, CancellationToken cancellationToken) =>
        SendRawAsync(HttpMethod.Get, pathAndQuery, null, null, "application/json", cancellationToken);

    private async Task<byte[]> SendRawAsync(HttpMethod method, string pathAndQuery, JsonNode? body, string? contentType, string accept, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, new Uri(pathAndQuery, UriKind.Relative));
        request.Headers.TryAddWithoutValidation("Accept", accept);
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
            var answer = await response.Content.ReadAsByteArrayAsync(timeout.Token).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                throw KubeApiException.FromResponse(response.StatusCode, Encoding.UTF8.GetString(answer));
            }

            return answer;
        }
        catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw new KubeApiException(0, "Timeout", $"{method} {pathAndQuery}: no answer from {Transport.BaseUri} within {RequestTimeout.TotalSeconds:0} s", e);
        }
        catch (HttpRequestException e)
        {
            throw Unreachable(e);
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
