using System.Net;
using System.Text.Json.Nodes;

namespace MqttKube.Kubernetes;

/// <summary>
/// A Kubernetes API failure with the server's `Status` reason and message (NotFound, Forbidden, Conflict, ...), or a
/// transport failure (<see cref="Code"/> 0). Its message is fit for users: no stack traces needed.
/// </summary>
internal sealed partial class KubeApiException : Exception
{
    public KubeApiException(int code, string reason, string message, Exception? inner = null)
        : base(message, inner)
    {
        Code = code;
        Reason = reason;
    }

    /// <summary>The HTTP status code (0 when the server could not be reached).</summary>
    public int Code { get; }

    /// <summary>The `Status` reason: NotFound, Forbidden, Conflict, AlreadyExists, Invalid, Expired, Gone, ...</summary>
    public string Reason { get; }

    public bool IsNotFound => Code == 404;

    public bool IsConflict => Code == 409 && Reason != "AlreadyExists";

    public bool IsAlreadyExists => Code == 409 && Reason == "AlreadyExists";

    public bool IsGone => Code == 410;

    public bool IsForbidden => Code == 403;

    /// <summary>Builds the exception from an error response body (a `Status` object, or anything else).</summary>
    public static KubeApiException FromResponse(HttpStatusCode status, string body)
    {
        var code = (int)status;
        try
        {
            if (JsonNode.Parse(body) is JsonObject o && (string?)o["kind"] == "Status")
            {
                return FromStatus(o, code);
            }
        }
        catch (System.Text.Json.JsonException)
        {
            // not JSON: fall through
        }

        var text = body.Trim();
        if (text.Length > 200)
        {
            text = text[..200] + "…";
        }

        return new KubeApiException(code, status.ToString(), $"HTTP {code} {status}{(text.Length > 0 ? ": " + text : "")}");
    }

    /// <summary>Builds the exception from a `Status` object (an error response, or a watch ERROR event).</summary>
    public static KubeApiException FromStatus(JsonObject status, int fallbackCode = 500)
    {
        var code = status["code"] is JsonValue c && c.TryGetValue<int>(out var ci) ? ci : fallbackCode;
        var reason = (string?)status["reason"] ?? "Unknown";
        var message = (string?)status["message"] ?? $"HTTP {code}";
        // The real API server's 422 messages already carry their causes: append only what they do not say.
        var unsaid = (status["details"]?["causes"] as JsonArray ?? []).Select(x => (string?)x?["message"])
            .Where(x => !string.IsNullOrEmpty(x) && !message.Contains(x, StringComparison.Ordinal)).ToList();
        if (unsaid.Count > 0 && code == 422)
        {
            message += ": " + string.Join("; ", unsaid);
        }

        return new KubeApiException(code, reason, ElideLongValues(message));
    }

    /// <summary>
    /// The API server quotes a whole object in some refusals (<c>patch: Invalid value: "{…the object…}": json: cannot
    /// unmarshal …</c>): a quoted value over 200 characters becomes <c>"…"</c> so the reason after it stays readable.
    /// </summary>
    internal static string ElideLongValues(string message) =>
        message.Length <= 200 ? message : LongQuoted().Replace(message, "\"…\"");

    [System.Text.RegularExpressions.GeneratedRegex("""
        "(?:[^"\\]|\\.){200,}"
        """, System.Text.RegularExpressions.RegexOptions.None, 1000)]
    private static partial System.Text.RegularExpressions.Regex LongQuoted();
}
