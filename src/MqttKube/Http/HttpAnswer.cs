using System.Text;

namespace MqttKube.Http;

/// <summary>A complete answer to a request, built before anything is written to the connection.</summary>
/// <param name="StatusCode">The HTTP status code.</param>
/// <param name="ContentType">The <c>Content-Type</c> header.</param>
/// <param name="Body">The body (not sent for HEAD, but its length is).</param>
internal sealed record HttpAnswer(int StatusCode, string ContentType, byte[] Body)
{
    /// <summary>The content type of JSON answers.</summary>
    public const string Json = "application/json; charset=utf-8";

    /// <summary>The content type of plain text answers.</summary>
    public const string Text = "text/plain; charset=utf-8";

    /// <summary>The content type of the status page.</summary>
    public const string Html = "text/html; charset=utf-8";

    /// <summary>Extra headers (besides <c>Content-Type</c> and <c>Cache-Control</c>).</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Headers { get; init; } = [];

    /// <summary>A plain text answer (a line feed is added).</summary>
    public static HttpAnswer PlainText(int statusCode, string text) =>
        new(statusCode, Text, Encoding.UTF8.GetBytes(text + "\n"));
}
