using System.Net.Http.Headers;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace MqttKube.Tests.Support.RealKube;

/// <summary>Plain HTTP to an API server, for seeding and checking: the real one as its admin (bearer token, its own CA), or the fake.</summary>
public sealed class KubeHttp : IDisposable
{
    /// <summary>Kubernetes objects may nest deeper than System.Text.Json's default 64 (the API server allows 10,000).</summary>
    public static readonly JsonDocumentOptions Deep = new() { MaxDepth = 10_000 };

    public static readonly JsonSerializerOptions DeepWriting = new() { MaxDepth = 10_001 };

    private readonly HttpClient http;

    private KubeHttp(HttpClient http) => this.http = http;

    /// <summary>To the real API server of <paramref name="environment"/>, trusting only its CA.</summary>
    public static KubeHttp ForRealServer(RealKubeEnvironment environment)
    {
        var ca = new X509Certificate2Collection();
        ca.ImportFromPemFile(environment.CaFile);
        var handler = new SocketsHttpHandler
        {
            SslOptions = { RemoteCertificateValidationCallback = (_, certificate, _, _) => Trusted(ca, certificate) },
            PooledConnectionLifetime = TimeSpan.FromSeconds(30),
        };
        var http = new HttpClient(handler) { BaseAddress = environment.Server, Timeout = TimeSpan.FromSeconds(30) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", environment.Token);
        return new KubeHttp(http);
    }

    /// <summary>To the fake API server at <paramref name="server"/>.</summary>
    public static KubeHttp ForFake(Uri server) => new(new HttpClient { BaseAddress = server, Timeout = TimeSpan.FromSeconds(30) });

    /// <summary>Sends a request; the status code, the parsed body (null when empty or not JSON) and the Warning headers.</summary>
    public async Task<KubeResponse> SendAsync(HttpMethod method, string path, string? body = null, string contentType = "application/json")
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8);
            request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        }

        using var response = await http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        JsonNode? node;
        try
        {
            node = text.Length == 0 ? null : JsonNode.Parse(text, documentOptions: Deep);
        }
        catch (JsonException)
        {
            node = null;
        }

        var warnings = response.Headers.TryGetValues("Warning", out var w) ? w.ToList() : [];
        return new KubeResponse((int)response.StatusCode, node, text, warnings);
    }

    /// <summary>Sends a request that must succeed; its body.</summary>
    public async Task<JsonObject> RequestAsync(HttpMethod method, string path, JsonNode? body = null, string contentType = "application/json")
    {
        var response = await SendAsync(method, path, body?.ToJsonString(DeepWriting), contentType);
        return response.Code is >= 200 and < 300 && response.Body is JsonObject o
            ? o
            : throw new KubeHttpException(method, path, response);
    }

    public void Dispose() => http.Dispose();

    private static bool Trusted(X509Certificate2Collection ca, X509Certificate? certificate)
    {
        if (certificate is null)
        {
            return false;
        }

        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.AddRange(ca);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        return chain.Build(new X509Certificate2(certificate));
    }
}
