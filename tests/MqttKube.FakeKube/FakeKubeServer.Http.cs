using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace MqttKube.FakeKube;

public sealed partial class FakeKubeServer
{
    /// <summary>The real API server reads and writes objects nested up to 10,000 deep (custom resources may be).</summary>
    internal const int MaxDepth = 10_000;

    /// <summary>Objects seeded by tests may nest deeper than a real API server allows, so tests can serve ones it would refuse.</summary>
    internal const int SeedMaxDepth = 20_000;

    internal static readonly JsonSerializerOptions Compact = new() { WriteIndented = false, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping, MaxDepth = SeedMaxDepth + 1 };

    internal static readonly JsonDocumentOptions Deep = new() { MaxDepth = MaxDepth };

    private async Task HandleAsync(HttpContext ctx)
    {
        string body;
        using (var reader = new StreamReader(ctx.Request.Body, Encoding.UTF8))
        {
            body = await reader.ReadToEndAsync(ctx.RequestAborted).ConfigureAwait(false);
        }

        var query = ctx.Request.Query.ToDictionary(q => q.Key, q => q.Value.ToString(), StringComparer.Ordinal);
        var clientCert = ctx.Connection.ClientCertificate;
        var request = new RecordedRequest(ctx.Request.Method, ctx.Request.Path.Value ?? "/", query, ctx.Request.ContentType, body,
            ctx.Request.Headers.Authorization.ToString() is { Length: > 0 } a ? a : null, clientCert?.Subject)
        { Protocol = ctx.Request.Protocol };
        lock (requests)
        {
            requests.Add(request);
        }

        RequestRecorded?.Invoke(request);

        try
        {
            Authenticate(request, clientCert);
            if (Latency > TimeSpan.Zero)
            {
                await Task.Delay(Latency, ctx.RequestAborted).ConfigureAwait(false);
            }

            if (TakeInjectedFailure(request) is { } code)
            {
                throw FakeStatus.ForCode(code);
            }

            var result = await RouteAsync(ctx, request).ConfigureAwait(false);
            if (result != null)
            {
                await WriteJsonAsync(ctx, result.Value.Code, result.Value.Body).ConfigureAwait(false);
            }
        }
        catch (FakeApiException e)
        {
            if (!ctx.Response.HasStarted)
            {
                await WriteJsonAsync(ctx, e.Code, e.Status).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (ctx.RequestAborted.IsCancellationRequested)
        {
            // the client went away
        }
        catch (Exception e) when (!ctx.Response.HasStarted)
        {
            await WriteJsonAsync(ctx, 500, FakeStatus.Make(500, "InternalError", $"Internal error occurred: {e.Message}")).ConfigureAwait(false);
        }
    }

    private void Authenticate(RecordedRequest request, System.Security.Cryptography.X509Certificates.X509Certificate2? cert)
    {
        if (Options.RequiredToken != null && request.Authorization != $"Bearer {Options.RequiredToken}")
        {
            throw FakeStatus.Unauthorized();
        }

        if (Options.RequireClientCertificate && (cert == null || Certificates == null || !Certificates.Issued(cert)))
        {
            throw FakeStatus.Unauthorized();
        }
    }

    private static async Task WriteJsonAsync(HttpContext ctx, int code, JsonNode body)
    {
        ctx.Response.StatusCode = code;
        ctx.Response.ContentType = "application/json";
        if (code == 429)
        {
            ctx.Response.Headers.RetryAfter = "1";
        }

        await ctx.Response.WriteAsync(body.ToJsonString(Compact), ctx.RequestAborted).ConfigureAwait(false);
    }

    private async Task<(int Code, JsonNode Body)?> RouteAsync(HttpContext ctx, RecordedRequest request)
    {
        var segments = request.Path.Trim('/').Split('/', StringSplitOptions.RemoveEmptyEntries);
        if ((AggregatedDiscovery(segments, ctx.Request.Headers.Accept.ToString()) ?? Discovery(segments)) is { } discovery)
        {
            return request.Method == "GET" ? (200, discovery) : throw new FakeApiException(405, FakeStatus.Make(405, "MethodNotAllowed", "the server does not allow this method on the requested resource"));
        }

        var target = ParseTarget(segments) ?? throw NotFoundPage();
        var watch = request.IsWatch;
        var verb = (request.Method, target.Name, target.Subresource) switch
        {
            ("GET", null, _) => watch ? "watch" : "list",
            ("GET", _, _) => "get",
            ("POST", null, _) => "create",
            ("PUT", not null, _) => "update",
            ("PATCH", not null, _) => "patch",
            ("DELETE", not null, _) => "delete",
            _ => throw new FakeApiException(405, FakeStatus.Make(405, "MethodNotAllowed", "the server does not allow this method on the requested resource")),
        };
        CheckForbidden(target, verb);
        if (watch)
        {
            await WatchAsync(ctx, request, target).ConfigureAwait(false);
            return null;
        }

        var warnings = new List<string>();
        var result = verb switch
        {
            "list" => (200, ListObjects(request, target)),
            "get" => (200, GetObject(target)),
            "create" => (201, Store.Create(target.Resource, target.Namespace, Decoded(target, ParseBodyObject(request, target), warnings), request["fieldManager"])),
            "update" => (200, Replace(request, target, warnings)),
            "patch" => (200, Patch(request, target, warnings)),
            _ => DeleteObject(request, target),
        };
        foreach (var warning in warnings)
        {
            ctx.Response.Headers.Append("Warning", $"299 - \"{warning.Replace("\"", "\\\"", StringComparison.Ordinal)}\"");
        }

        return result;
    }

    /// <summary>A created or replaced object as the typed server decodes it (unknown fields dropped); 400 when it cannot.</summary>
    private static JsonObject Decoded(FakeTarget target, JsonObject obj, List<string> warnings) =>
        FakeSchema.Decode(target.Resource, obj, warnings) is { } error ? throw FakeStatus.Undecodable(target.Resource, error) : obj;

    private static FakeApiException NotFoundPage() => FakeStatus.NotFoundResource();

    private static JsonObject ParseBodyObject(RecordedRequest request, FakeTarget target)
    {
        JsonNode? node;
        try
        {
            node = JsonNode.Parse(request.Body, documentOptions: Deep);
        }
        catch (JsonException e)
        {
            throw FakeStatus.BadRequest($"the object provided is unrecognized (must be of type {target.Resource.Kind}): {e.Message}");
        }

        if (node is not JsonObject obj)
        {
            throw FakeStatus.BadRequest("the object provided is not a JSON object");
        }

        var r = target.Resource;
        if ((string?)obj["kind"] is { } kind && kind != r.Kind)
        {
            throw FakeStatus.BadRequest($"the kind in the data ({kind}) does not match the expected kind ({r.Kind})");
        }

        if ((string?)obj["apiVersion"] is { } apiVersion && apiVersion != r.GroupVersion)
        {
            throw FakeStatus.BadRequest($"the API version in the data ({apiVersion}) does not match the expected API version ({r.GroupVersion})");
        }

        if (obj["kind"] == null)
        {
            throw FakeStatus.BadRequest($"Object 'Kind' is missing in '{request.Body}'");
        }

        return obj;
    }
}
